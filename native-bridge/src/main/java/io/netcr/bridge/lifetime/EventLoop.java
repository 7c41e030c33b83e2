package io.netcr.bridge.lifetime;

import io.netcr.bridge.sys.Events;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's one event thread: a platform thread (it blocks in a system call, and must be one OS
 * thread) waiting in epoll on
 * <ul>
 *   <li>an eventfd, by which other threads wake it;</li>
 *   <li>{@code /proc/self/mountinfo}, which reports EPOLLPRI when this mount namespace's mount table
 *       changes (proc(5)): a bind mount made or removed anywhere it can see;</li>
 *   <li>an inotify descriptor watching namespace folders (/run/netns, the folders of other bind mounts):
 *       a removed entry is known without reading the mount table;</li>
 *   <li>one pidfd per process holder, readable when the process exits (pidfd_open(2)).</li>
 * </ul>
 * It hands what arrives to a {@link Handler}, one round per wake-up. Not the proc connector: it exists
 * only in the initial user and PID namespaces and may drop events, and one lost exit would pin a namespace
 * for good.
 */
final class EventLoop implements AutoCloseable {

    /** What the loop reports; called on the loop's thread only. */
    interface Handler {
        /** An entry of a watched folder was deleted or moved away: the mount there is gone. */
        void pathRemoved(String path);

        /** The process of the pidfd registered with this token exited. */
        void processExited(long token);

        /**
         * After each round: whether the mount table may have changed (a mount event, a folder's own
         * removal, an inotify overflow). An entry created in a folder is not reported: `ip netns add`
         * creates the file before it mounts the namespace on it (so the file may not be nsfs yet), and
         * the mount itself is a mount event.
         */
        void roundEnded(boolean mountsChanged);

        /** The loop cannot go on (it ends after this call): nothing will be watched any more. */
        void failed(Throwable cause);
    }

    private static final long WAKE = 1;
    private static final long MOUNTS = 2;
    private static final long FOLDERS = 3;
    /** Tokens from here on name pidfds. */
    static final long FIRST_TOKEN = 16;
    private static final int ENOENT = 2;
    /** Entries removed or moved away, and the folder's own end; see {@link Handler#roundEnded} for CREATE. */
    private static final int FOLDER_MASK = Events.IN_DELETE | Events.IN_MOVED_FROM | Events.IN_DELETE_SELF
            | Events.IN_MOVE_SELF | Events.IN_ONLYDIR;
    private static final int INOTIFY_HEADER = 16;

    private final int epfd;
    private final int wakeFd;
    private final int inotifyFd;
    private final int mountsFd;
    private final Handler handler;
    private final Object folderLock = new Object();
    private final Map<Integer, String> folderOfWatch = new HashMap<>();
    private final Set<String> watchedFolders = new HashSet<>();
    /** Folders asked for that do not exist yet: tried again after each mount event. */
    private final Set<String> pendingFolders = new LinkedHashSet<>();
    private final Thread thread;
    private final Thread exitHook = new Thread(this::stopForExit, "netcr-namespace-lifetime-exit");
    private volatile boolean stopping;
    /** True while the thread is in epoll_wait (native code). */
    private volatile boolean waiting;
    /** Set before the descriptors are closed. */
    private volatile boolean closed;

    // what the current round saw (loop thread only)
    private boolean mountsChanged;

    private EventLoop(int epfd, int wakeFd, int inotifyFd, int mountsFd, Handler handler) {
        this.epfd = epfd;
        this.wakeFd = wakeFd;
        this.inotifyFd = inotifyFd;
        this.mountsFd = mountsFd;
        this.handler = handler;
        this.thread = new Thread(this::run, "netcr-namespace-lifetime");
        thread.setDaemon(true);
    }

    /**
     * Opens the event sources; {@link #start} starts the thread. The mount table is watched from here on:
     * a change after this returns is reported by the thread's first wait.
     */
    static EventLoop open(Path proc, Handler handler) throws NativeException {
        List<Integer> opened = new ArrayList<>();
        try {
            int epfd = keep(opened, Events.epollCreate());
            int wakeFd = keep(opened, Events.eventfd());
            int inotifyFd = keep(opened, Events.inotifyInit());
            int mountsFd = keep(opened, Sys.open(proc.resolve("self/mountinfo").toString(),
                    Sys.O_RDONLY | Sys.O_CLOEXEC));
            Events.epollAdd(epfd, wakeFd, Events.EPOLLIN, WAKE);
            Events.epollAdd(epfd, mountsFd, Events.EPOLLPRI, MOUNTS);
            Events.epollAdd(epfd, inotifyFd, Events.EPOLLIN, FOLDERS);
            return new EventLoop(epfd, wakeFd, inotifyFd, mountsFd, handler);
        } catch (NativeException | RuntimeException | LinkageError e) {
            opened.forEach(Sys::closeQuietly);
            throw e;
        }
    }

    private static int keep(List<Integer> opened, int fd) {
        opened.add(fd);
        return fd;
    }

    void start() {
        thread.start();
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /**
     * Takes the thread out of epoll_wait when the JVM exits. HotSpot's exit waits up to 300 ms for every
     * thread that is in native code (VM_Exit::wait_for_threads_in_native_to_block), daemon or not: a
     * one-shot `netcr snapshot` would pay that on every run.
     */
    private void stopForExit() {
        stopping = true;
        wake();
        // Only a thread in epoll_wait delays the exit: one in a round of Java code is stopped with the JVM.
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (waiting && thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Watches a pidfd; its exit comes back as {@link Handler#processExited} with this token. */
    void addProcess(int pidfd, long token) throws NativeException {
        Events.epollAdd(epfd, pidfd, Events.EPOLLIN, token);
    }

    /** Stops watching a pidfd and closes it. */
    void removeProcess(int pidfd) {
        Events.epollDeleteQuietly(epfd, pidfd);
        Sys.closeQuietly(pidfd);
    }

    /**
     * Watches a folder's entries (once per folder). A folder that does not exist yet is tried again
     * after each mount event (`ip netns add` mounts /run/netns on itself when it makes it); one that
     * cannot be watched (no permission) is left to the mount table.
     */
    void watchFolder(String folder) {
        synchronized (folderLock) {
            if (watchedFolders.contains(folder)) {
                return;
            }
            try {
                int wd = Events.inotifyAddWatch(inotifyFd, folder, FOLDER_MASK);
                folderOfWatch.put(wd, folder);
                watchedFolders.add(folder);
                pendingFolders.remove(folder);
            } catch (NativeException e) {
                if (e.errnoNumber() == ENOENT) {
                    pendingFolders.add(folder);
                }
            }
        }
    }

    /** The folders watched now (for tests and diagnostics). */
    Set<String> watchedFolders() {
        synchronized (folderLock) {
            return Set.copyOf(watchedFolders);
        }
    }

    /** Makes the loop run a round soon, from any thread. */
    void wake() {
        if (closed) {
            return; // the eventfd's number may belong to another file by now
        }
        try {
            Events.signal(wakeFd);
        } catch (NativeException e) {
            // only EBADF after close: nobody is waiting any more
        }
    }

    boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        ByteBuffer events = ByteBuffer.allocateDirect(64 * Events.EPOLL_EVENT_SIZE).order(ByteOrder.nativeOrder());
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
        try {
            while (!stopping) {
                waiting = true;
                int n;
                try {
                    n = Events.epollWait(epfd, events, -1);
                } finally {
                    waiting = false;
                }
                mountsChanged = false;
                for (int i = 0; i < n && !stopping; i++) {
                    long token = Events.eventData(events, i);
                    if (token == WAKE) {
                        Events.read(wakeFd, buf);
                    } else if (token == MOUNTS) {
                        mountsChanged = true;
                    } else if (token == FOLDERS) {
                        readFolders(buf);
                    } else {
                        handler.processExited(token);
                    }
                }
                if (stopping) {
                    break;
                }
                if (mountsChanged) {
                    retryPendingFolders();
                }
                handler.roundEnded(mountsChanged);
            }
        } catch (Throwable t) {
            if (!stopping) {
                handler.failed(t);
            }
        }
    }

    /** Reads every queued inotify event (struct inotify_event: wd, mask, cookie, len, then the name). */
    private void readFolders(ByteBuffer buf) throws NativeException {
        int n;
        while ((n = Events.read(inotifyFd, buf)) > 0) {
            int off = 0;
            while (off + INOTIFY_HEADER <= n) {
                int wd = buf.getInt(off);
                int mask = buf.getInt(off + 4);
                int len = buf.getInt(off + 12);
                String name = cString(buf, off + INOTIFY_HEADER, len);
                off += INOTIFY_HEADER + len;
                folderEvent(wd, mask, name);
            }
        }
    }

    private void folderEvent(int wd, int mask, String name) {
        if ((mask & Events.IN_Q_OVERFLOW) != 0) {
            mountsChanged = true; // events were lost: the mount table says what is true
            return;
        }
        String folder;
        synchronized (folderLock) {
            folder = folderOfWatch.get(wd);
            if ((mask & Events.IN_IGNORED) != 0 && folder != null) {
                // the folder itself went (or was unmounted): watch it again if it comes back
                folderOfWatch.remove(wd);
                watchedFolders.remove(folder);
                pendingFolders.add(folder);
            }
        }
        if (folder == null) {
            return;
        }
        if ((mask & (Events.IN_IGNORED | Events.IN_DELETE_SELF | Events.IN_MOVE_SELF)) != 0) {
            mountsChanged = true;
        }
        if ((mask & (Events.IN_DELETE | Events.IN_MOVED_FROM)) != 0 && !name.isEmpty()) {
            handler.pathRemoved(folder.equals("/") ? "/" + name : folder + "/" + name);
        }
    }

    private void retryPendingFolders() {
        List<String> pending;
        synchronized (folderLock) {
            pending = new ArrayList<>(pendingFolders);
        }
        pending.forEach(this::watchFolder);
    }

    private static String cString(ByteBuffer buf, int from, int len) {
        int end = from;
        while (end < from + len && buf.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - from];
        buf.get(from, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Stops the thread and closes every descriptor the loop opened (pidfds are closed by their owner). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is exiting (the hook runs or ran), or the thread was never started
        }
        stopping = true;
        wake();
        if (!isLoopThread()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closed = true;
        Sys.closeQuietly(mountsFd);
        Sys.closeQuietly(inotifyFd);
        Sys.closeQuietly(wakeFd);
        Sys.closeQuietly(epfd);
    }
}

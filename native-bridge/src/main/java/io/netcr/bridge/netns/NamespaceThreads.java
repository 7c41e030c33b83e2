package io.netcr.bridge.netns;

import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work inside network namespaces on fresh platform threads: setns() moves only the calling thread, and
 * what the work opens by path (/proc/sys/net, a libnftables context's netlink socket) belongs to the
 * namespace of the thread that opens it. Each thread takes the next namespace of the list, enters it, runs
 * the work there, and goes home before the next; the threads end afterwards, so that none is ever reused in
 * a foreign namespace (were going home to fail, the thread stops taking work).
 *
 * <p>Checked here: a thread that setns'd into a namespace reads that namespace's /proc/sys/net (another
 * thread of the process still reads its own), and a descriptor it opened there keeps reading that namespace
 * whichever thread reads it later (docs/restore.md, "Sysctls").
 */
public final class NamespaceThreads {

    /** The work for one namespace; runs on a thread inside it. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /** What the work for one namespace gave, or the error that stopped it (entering it included). */
    public record Outcome<T>(T value, IOException error) {
        public boolean ok() {
            return error == null;
        }
    }

    private NamespaceThreads() {
    }

    /**
     * Runs {@code work.get(i)} inside the namespace open as {@code nsFds.get(i)}, on up to {@code threads}
     * threads at once; returns the outcomes in the same order. A descriptor of -1 runs the work in the caller's
     * own namespace (on a worker thread all the same). Interrupted, it waits for the threads (which finish their
     * current work) and rethrows.
     */
    public static <T> List<Outcome<T>> run(List<Integer> nsFds, List<Work<T>> work, int threads)
            throws InterruptedException {
        int n = nsFds.size();
        List<Outcome<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, n)); t++) {
            Thread w = new Thread(() -> work(nsFds, work, next, out), "netcr-in-netns-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        for (int i = 0; i < n; i++) {
            if (out.get(i) == null) {
                out.set(i, new Outcome<>(null, new IOException("not run: a thread could not return to its own namespace")));
            }
        }
        return out;
    }

    /** Runs one piece of work in one namespace on a fresh thread, and waits for it. */
    public static <T> T runIn(int nsFd, Work<T> work) throws IOException, InterruptedException {
        Outcome<T> o = run(List.of(nsFd), List.of(work), 1).get(0);
        if (!o.ok()) {
            throw o.error();
        }
        return o.value();
    }

    private static <T> void work(List<Integer> nsFds, List<Work<T>> work, AtomicInteger next, List<Outcome<T>> out) {
        int home;
        try {
            home = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        } catch (NativeException e) {
            for (int i = next.getAndIncrement(); i < nsFds.size(); i = next.getAndIncrement()) {
                set(out, i, new Outcome<>(null, e));
            }
            return;
        }
        try {
            for (int i = next.getAndIncrement(); i < nsFds.size(); i = next.getAndIncrement()) {
                int fd = nsFds.get(i);
                if (fd >= 0) {
                    try {
                        Sys.setns(fd, Sys.CLONE_NEWNET);
                    } catch (NativeException e) {
                        set(out, i, new Outcome<>(null, e));
                        continue;
                    }
                }
                try {
                    set(out, i, new Outcome<>(work.get(i).run(), null));
                } catch (IOException e) {
                    set(out, i, new Outcome<>(null, e));
                } catch (RuntimeException e) {
                    set(out, i, new Outcome<>(null, new IOException(e.toString(), e)));
                } finally {
                    if (fd >= 0) {
                        try {
                            Sys.setns(home, Sys.CLONE_NEWNET);
                        } catch (NativeException e) {
                            return; // stuck in a foreign namespace: take no more work; the thread ends
                        }
                    }
                }
            }
        } finally {
            Sys.closeQuietly(home);
        }
    }

    private static <T> void set(List<Outcome<T>> out, int i, Outcome<T> o) {
        synchronized (out) {
            out.set(i, o);
        }
    }
}

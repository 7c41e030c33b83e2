package io.netcr.bridge.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps two restores from interleaving: an exclusive lock (FileChannel.lock, an fcntl lock) on
 * {@code restore.lock} of the {@link io.netcr.bridge.restore.journal.RunDir} (/run/netcr), which the kernel
 * drops when its holder exits, however it exits; the restore journal lives beside it, and stays. The holder
 * writes its pid and command into the file, so that a second restore can say who holds it.
 *
 * <p>An fcntl lock belongs to the process, and closing <em>any</em> descriptor of the file in that process
 * drops it, even one opened only to read the holder's note. So threads of one process (the workbench, or a
 * test holding the lock) take turns at a gate of their own before they open the file, and learn who holds it
 * from the gate, not from the file.
 */
public final class RestoreLock implements AutoCloseable {

    private static final long POLL_MS = 50;

    /**
     * One per lock file in this process: who may open it, and who the thread that may holds it for (itself,
     * once it has the lock; another process's restore while it waits for that; null in between).
     */
    private static final class Gate {
        final Semaphore turn = new Semaphore(1);
        volatile String note;
    }

    private static final Map<Path, Gate> GATES = new ConcurrentHashMap<>();

    /** The lock is held by another restore (EBUSY); the message names the holder. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    /** The waiting restore gave up ({@link Waiting#cancelled()}) before it had the lock. */
    public static final class CancelledException extends IOException {
        private static final long serialVersionUID = 1L;

        CancelledException(String message) {
            super(message);
        }
    }

    /** A restore that waits for the lock: told who holds it, asked whether to go on waiting. */
    public interface Waiting {

        /**
         * The lock is held, by {@code holder} (e.g. "pid 42 (netcr restore a.netcr) since T"): called on
         * the waiting thread when it first finds the lock held, and again whenever the holder changes.
         */
        void heldBy(String holder);

        /** Asked between tries (every 50 ms): true stops the wait with {@link CancelledException}. */
        boolean cancelled();
    }

    private final Gate gate;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private RestoreLock(Gate gate, FileChannel channel, FileLock lock) {
        this.gate = gate;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock; when another holds it, waits for it ({@code wait}) or throws {@link BusyException}
     * naming the holder.
     */
    public static RestoreLock acquire(Path file, boolean wait, String holder) throws IOException {
        if (!wait) {
            return acquire(file, holder, null);
        }
        return acquire(file, holder, new Waiting() {
            @Override
            public void heldBy(String h) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
    }

    /**
     * Takes the lock, waiting for it while another holds it: {@code waiting} hears who holds it and may give
     * up ({@link CancelledException}; nothing is changed). Null {@code waiting}: {@link BusyException} at once.
     */
    public static RestoreLock acquire(Path file, String holder, Waiting waiting) throws IOException {
        Gate gate = GATES.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Gate());
        enterGate(gate, file, waiting);
        FileChannel ch = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            String told = null;
            while (true) {
                FileLock l = tryLock(ch);
                if (l != null) {
                    String note = "pid " + ProcessHandle.current().pid() + " (" + holder + ") since " + Instant.now();
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((note + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    gate.note = note;
                    return new RestoreLock(gate, ch, l);
                }
                // another process holds it; reading its note is safe: this process holds no lock on the file
                String held = describeHolder(file);
                if (waiting == null) {
                    throw busy(file, held);
                }
                gate.note = held; // for this process's other waiters
                if (!held.equals(told)) {
                    waiting.heldBy(held);
                    told = held;
                }
                pause(waiting, file);
            }
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            gate.note = null;
            gate.turn.release();
            throw e;
        }
    }

    /** Waits for this process's other holder (or waiter) of the file to be done with it. */
    private static void enterGate(Gate gate, Path file, Waiting waiting) throws IOException {
        if (gate.turn.tryAcquire()) {
            return;
        }
        String told = null;
        while (true) {
            String note = gate.note;
            String held = note != null ? note : "another restore of this process";
            if (waiting == null) {
                throw busy(file, held);
            }
            if (!held.equals(told)) {
                waiting.heldBy(held);
                told = held;
            }
            if (waiting.cancelled()) {
                throw cancelled(file);
            }
            try {
                if (gate.turn.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            }
        }
    }

    private static void pause(Waiting waiting, Path file) throws IOException {
        if (waiting.cancelled()) {
            throw cancelled(file);
        }
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + file, e);
        }
        if (waiting.cancelled()) {
            throw cancelled(file);
        }
    }

    private static BusyException busy(Path file, String held) {
        return new BusyException("another restore is running: " + file + " is held by " + held
                + "; try again when it has finished, or use --wait");
    }

    private static CancelledException cancelled(Path file) {
        return new CancelledException("cancelled while waiting for another restore to release " + file);
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this process through a channel not opened here (the gate keeps ours apart)
        }
    }

    private static String describeHolder(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? "a process that has not said who it is" : text;
        } catch (IOException e) {
            return "a process (its note cannot be read: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return; // the gate's turn is given back once
        }
        closed = true;
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                gate.note = null;
                gate.turn.release();
            }
        }
    }
}

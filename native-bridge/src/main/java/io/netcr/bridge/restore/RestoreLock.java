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

/**
 * Keeps two restores from interleaving: an exclusive lock (flock-like, FileChannel.lock) on
 * /run/netcr/restore.lock, which the kernel drops when its holder exits, however it exits. The holder
 * writes its pid and command into the file, so that a second restore can say who holds it.
 */
public final class RestoreLock implements AutoCloseable {

    public static final Path DEFAULT = Path.of("/run/netcr/restore.lock");
    private static final long POLL_MS = 50;

    /** The lock is held by another restore (EBUSY); the message names the holder. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RestoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock; when another holds it, waits for it ({@code wait}) or throws {@link BusyException}
     * naming the holder.
     */
    public static RestoreLock acquire(Path file, boolean wait, String holder) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock l = tryLock(ch);
                if (l != null) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " (" + holder + ") since "
                            + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    return new RestoreLock(ch, l);
                }
                if (!wait) {
                    throw new BusyException("another restore is running: " + file + " is held by "
                            + describeHolder(file) + "; try again when it has finished, or use --wait");
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + file, e);
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this same process, through another channel
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
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

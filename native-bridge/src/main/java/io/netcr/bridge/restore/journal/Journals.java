package io.netcr.bridge.restore.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the journals of a {@link RunDir}: the leftover of a restore that did not finish, and the last one
 * that did (with its outcome). A journal is a leftover when its writer is gone; whoever holds the restore
 * lock knows that already, others ask {@link #writerRunning}.
 */
public final class Journals {

    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private Journals() {
    }

    /** Whether a journal is there (a leftover, or the journal of a restore that runs now). */
    public static boolean present(RunDir dir) {
        return Files.exists(dir.journalFile());
    }

    /** The journal that is there, read; empty when none. DamagedJournalException when it cannot be read. */
    public static Optional<JournalContent> current(RunDir dir) throws IOException {
        return present(dir) ? Optional.of(JournalReader.read(dir.journalFile())) : Optional.empty();
    }

    /** The journal of the last restore that ended (or was recovered), with its outcome; empty when none. */
    public static Optional<JournalContent> last(RunDir dir) throws IOException {
        Path f = dir.lastFile();
        return Files.exists(f) ? Optional.of(JournalReader.read(f)) : Optional.empty();
    }

    /**
     * Whether the process that writes the journal still runs (its pid, started when the journal says), so that
     * the journal is a restore in progress rather than a leftover. Only a look: the lock decides.
     */
    public static boolean writerRunning(JournalContent c) {
        Instant started = c.writerProcessStarted();
        return ProcessHandle.of(c.writerPid()).filter(ProcessHandle::isAlive)
                .map(p -> started == null || p.info().startInstant().map(started::equals).orElse(true))
                .orElse(false);
    }

    /** This boot's id: a journal of another boot describes objects that died with it. */
    public static String bootId() throws IOException {
        return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).trim();
    }

    /** When this process started, as {@link ProcessHandle} tells it (null when it cannot). */
    public static Instant processStarted() {
        return ProcessHandle.current().info().startInstant().orElse(null);
    }
}

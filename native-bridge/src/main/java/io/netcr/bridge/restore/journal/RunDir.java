package io.netcr.bridge.restore.journal;

import java.nio.file.Path;

/**
 * The folder where a restore keeps what must outlive it but not the machine: the restore lock and the
 * journal, side by side. {@code /run/netcr} by default (a tmpfs on systemd hosts: emptied at boot, like the
 * namespaces and devices a journal describes); the system property {@code netcr.run.dir} moves it, so that
 * tests keep to their own.
 *
 * @param dir the folder
 */
public record RunDir(Path dir) {

    /** The system property that moves the folder. */
    public static final String PROPERTY = "netcr.run.dir";
    public static final Path DEFAULT = Path.of("/run/netcr");

    /** The folder this process uses: {@code netcr.run.dir} when set, else /run/netcr. */
    public static RunDir current() {
        String set = System.getProperty(PROPERTY);
        return new RunDir(set == null || set.isBlank() ? DEFAULT : Path.of(set));
    }

    /** The folder of a lock file: its journal lives beside it. */
    public static RunDir ofLock(Path lockFile) {
        return new RunDir(lockFile.toAbsolutePath().getParent());
    }

    /** Held while a restore (or its recovery) runs; the kernel drops it when the holder dies. */
    public Path lockFile() {
        return dir.resolve("restore.lock");
    }

    /** The journal of the restore that runs, or of one that did not finish (a leftover). */
    public Path journalFile() {
        return dir.resolve("restore.journal");
    }

    /** The journal of the last restore that finished, with its outcome: what {@code status} reports. */
    public Path lastFile() {
        return dir.resolve("restore.last");
    }
}

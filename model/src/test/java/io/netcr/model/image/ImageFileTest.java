package io.netcr.model.image;

import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.Device;
import io.netcr.model.SubjectPath;
import io.netcr.model.testing.Processes;
import io.netcr.model.testing.Unprivileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reading and writing files: I/O failures become diagnostics, and a failed write leaves the old file whole. */
class ImageFileTest {

    @TempDir
    Path dir;

    @Test
    void should_write_a_file_that_reads_back_equal_with_its_path_as_origin() throws IOException {
        Path file = dir.resolve("lab.netcr");
        ImageWriter.write(SampleSnapshot.build("x"), file);
        ReadResult r = ImageReader.read(file, ReadMode.STRICT);
        assertEquals(SampleSnapshot.build(file.toString()), r.snapshot());
        assertEquals(Source.IMAGE, r.snapshot().source().kind());
    }

    @Test
    void should_report_a_missing_file_as_enoent() {
        assertFailure(ImageReader.read(dir.resolve("nope.netcr"), ReadMode.SALVAGE), Errno.ENOENT);
    }

    @Test
    void should_report_a_directory_as_eisdir() {
        assertFailure(ImageReader.read(dir, ReadMode.STRICT), Errno.EISDIR);
    }

    @Test
    void should_refuse_a_fifo_instead_of_blocking_on_it() throws Exception {
        Path fifo = dir.resolve("pipe.netcr");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is available");
        ReadResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> ImageReader.read(fifo, ReadMode.STRICT));
        assertFailure(r, Errno.EINVAL);
    }

    @Test
    void should_report_an_unreadable_file_as_eacces() throws IOException {
        assumeTrue(Unprivileged.available(), "setpriv is installed and this test runs as root");
        Path file = dir.resolve("secret.netcr");
        Files.write(file, ImageWriter.toBytes(SampleSnapshot.build("x")));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Unprivileged.letNobodyIn(dir);
        Processes.Result run = Unprivileged.run(ImageFileProbe.class, "read", file.toString());
        assertEquals(List.of("probe snapshot=false", "probe EACCES " + SubjectPath.of(SubjectPath.FILE, file.toString())),
                probeLines(run), run.output());
    }
    @Test
    void should_leave_the_old_file_untouched_when_the_snapshot_cannot_be_written() throws IOException {
        Path file = dir.resolve("lab.netcr");
        ImageWriter.write(SampleSnapshot.build("x"), file);
        byte[] before = Files.readAllBytes(file);
        Snapshot bad = SampleSnapshot.build("x");
        Device orphan = Device.builder(9, "port", "veth").master("no-such-bridge").build();
        Snapshot unwritable = bad.withNamespaces(List.of(bad.namespaces().get(0).withDevices(List.of(orphan))));
        assertThrows(IllegalArgumentException.class, () -> ImageWriter.write(unwritable, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir), "no temporary file is left behind");
    }

    @Test
    void should_leave_the_old_file_untouched_when_the_directory_is_read_only() throws IOException {
        assumeTrue(Unprivileged.available(), "setpriv is installed and this test runs as root");
        Path sub = Files.createDirectory(dir.resolve("ro"));
        Path file = sub.resolve("lab.netcr");
        Files.write(file, new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        Unprivileged.letNobodyIn(dir);
        try {
            Processes.Result run = Unprivileged.run(ImageFileProbe.class, "write", file.toString());
            assertEquals(List.of("probe refused AccessDeniedException"), probeLines(run), run.output());
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
            assertEquals(List.of(file), list(sub), "no temporary file is left behind");
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
    @Test
    void should_fail_without_creating_anything_when_the_parent_does_not_exist() {
        Path file = dir.resolve("missing").resolve("lab.netcr");
        assertThrows(IOException.class, () -> ImageWriter.write(SampleSnapshot.build("x"), file));
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void should_leave_a_directory_in_the_way_untouched() throws IOException {
        Path target = Files.createDirectory(dir.resolve("lab.netcr"));
        Files.write(target.resolve("inside"), new byte[] {7});
        assertThrows(IOException.class, () -> ImageWriter.write(SampleSnapshot.build("x"), target));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target.resolve("inside")));
        assertEquals(List.of(target), list(dir), "no temporary file is left behind");
    }

    private static void assertFailure(ReadResult r, Errno code) {
        assertNull(r.snapshot());
        assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
        assertEquals(code, r.diagnostics().get(0).code());
        assertEquals("file", r.diagnostics().get(0).subject().segments().get(0).kind());
    }

    /** The probe's own lines, without whatever the JVM said around them. */
    private static List<String> probeLines(Processes.Result run) {
        return run.output().lines().filter(l -> l.startsWith("probe ")).toList();
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }
}

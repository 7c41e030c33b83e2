package io.netcr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void should_give_a_new_file_the_usual_mode_and_keep_the_mode_of_a_replaced_one() throws IOException {
        Path f = dir.resolve("a.netcr");
        AtomicFiles.write(f, new byte[] {1});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(f, new byte[] {2});
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(f));
    }

    @Test
    void should_leave_the_target_and_the_folder_as_they_were_when_it_fails() throws IOException {
        Path f = dir.resolve("keep");
        Files.createDirectory(f); // a directory cannot be replaced by a file
        Files.writeString(f.resolve("inside"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, new byte[] {1}));
        assertEquals("x", Files.readString(f.resolve("inside")));
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "no temporary file left behind");
        }
    }
}

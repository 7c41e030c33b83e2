package io.netcr.bridge.criu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint archives as podman writes them, built here from the real dump with Commons Compress. */
class CriuArchiveTest {

    @TempDir
    Path tmp;

    /** A podman-like archive: config files at the top, CRIU's images under checkpoint/, plus extra entries. */
    Path archive(String name, boolean gzip, String dir, List<String[]> extra) throws IOException {
        Path out = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(out);
             OutputStream z = gzip ? new GzipCompressorOutputStream(file) : file;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(tar, "config.dump", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.list(CriuSamples.vethExternal())) {
                for (Path p : files.sorted().toList()) {
                    put(tar, dir + p.getFileName(), Files.readAllBytes(p));
                }
            }
            for (String[] e : extra) {
                put(tar, e[0], e[1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    static Snapshot fromDirectory() {
        return CriuDumpReader.read(CriuSamples.vethExternal(), ReadMode.STRICT).snapshot();
    }

    @Test
    void should_read_a_podman_tar_gz_like_the_directory() throws IOException {
        Path a = archive("ck.tar.gz", true, "checkpoint/", List.of());
        ReadResult r = CriuArchive.read(a, ReadMode.STRICT);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertEquals(fromDirectory().namespaces(), r.snapshot().namespaces());
        assertEquals(a + "!checkpoint", r.snapshot().source().path());
        assertTrue(CriuArchive.looksLikeArchive(Files.readAllBytes(a)));
    }

    @Test
    void should_read_a_plain_tar_with_the_images_at_the_top() throws IOException {
        Path a = archive("ck.tar", false, "./", List.of());
        ReadResult r = CriuArchive.read(a, ReadMode.STRICT);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertEquals(fromDirectory().namespaces(), r.snapshot().namespaces());
        assertTrue(CriuArchive.looksLikeArchive(Files.readAllBytes(a)));
    }

    @Test
    void should_refuse_entries_that_climb_out() throws IOException {
        Path a = archive("evil.tar.gz", true, "checkpoint/",
                List.<String[]>of(new String[] {"../outside/netdev-1.img", "x"}, new String[] {"/etc/netns-2.img", "x"}));
        ReadResult r = CriuArchive.read(a, ReadMode.STRICT);
        assertNotNull(r.snapshot(), "refused entries are warnings; the dump itself is fine");
        List<Diagnostic> refused = r.diagnostics().stream().filter(d -> d.message().contains("refused")).toList();
        assertEquals(2, refused.size(), r.diagnostics()::toString);
        assertEquals(1, r.snapshot().namespaces().size());
        assertEquals("a/b", CriuArchive.safePath("./a/b"));
        assertEquals("checkpoint/x.img", CriuArchive.safePath("checkpoint/./x.img"));
        assertNull(CriuArchive.safePath("a/../../b"));
    }

    @Test
    void should_say_when_an_archive_holds_no_network_images(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("other.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(a))) {
            put(tar, "checkpoint/pstree.img", new byte[] {1, 2, 3});
        }
        ReadResult r = CriuArchive.read(a, ReadMode.SALVAGE);
        assertNull(r.snapshot());
        assertEquals(Errno.ENOENT, r.diagnostics().get(0).code());
    }

    @Test
    void should_diagnose_a_truncated_archive_at_every_tenth_cut() throws IOException {
        byte[] full = Files.readAllBytes(archive("ck.tar.gz", true, "checkpoint/", List.of()));
        for (int cut = 0; cut < full.length; cut += Math.max(1, full.length / 10)) {
            Path p = tmp.resolve("cut" + cut + ".tar.gz");
            Files.write(p, Arrays.copyOf(full, cut));
            ReadResult r = CriuArchive.read(p, ReadMode.SALVAGE);
            assertFalse(r.diagnostics().isEmpty(), "cut " + cut);
        }
    }

    @Test
    void should_read_a_zstd_archive_as_podman_exports_by_default() throws IOException {
        Path tar = archive("ck.tar", false, "checkpoint/", List.of());
        Path zst = tmp.resolve("ck.tar.zst");
        try (OutputStream out = new ZstdCompressorOutputStream(Files.newOutputStream(zst))) {
            Files.copy(tar, out);
        }
        ReadResult r = CriuArchive.read(zst, ReadMode.STRICT);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertEquals(fromDirectory().namespaces(), r.snapshot().namespaces());
        // a damaged zstd stream is a diagnostic too
        Path cut = tmp.resolve("cut.tar.zst");
        byte[] all = Files.readAllBytes(zst);
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertFalse(CriuArchive.read(cut, ReadMode.SALVAGE).diagnostics().isEmpty());
    }

    @Test
    void should_refuse_xz_with_a_hint() throws IOException {
        Path p = tmp.resolve("x.tar.xz");
        Files.write(p, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 0});
        ReadResult r = CriuArchive.read(p, ReadMode.STRICT);
        assertEquals(Errno.ENOSYS, r.diagnostics().get(0).code());
        assertTrue(r.diagnostics().get(0).message().contains("xz -d"), r.diagnostics()::toString);
    }
}

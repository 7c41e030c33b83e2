package io.netcr.bridge.criu;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;

/**
 * Reads a checkpoint archive as podman ({@code podman container checkpoint --export}) and CRI-O write it:
 * a tar, plain or compressed with zstd (podman's default), gzip or bzip2, that holds a CRIU image directory
 * (usually {@code checkpoint/}).
 * Tar reading is Apache Commons Compress's. Only the network images are kept, in memory; nothing is
 * written to disk. Bounds: an entry above {@link #MAX_ENTRY_BYTES} is never read; at most
 * {@link #MAX_ENTRIES} entries and {@link #MAX_STREAM_BYTES} of uncompressed data are looked at; entries
 * with absolute paths or {@code ..} are refused. Never throws: problems are diagnostics.
 */
public final class CriuArchive {

    public static final long MAX_ENTRY_BYTES = 256L << 20;
    public static final long MAX_STREAM_BYTES = 16L << 30;
    public static final int MAX_ENTRIES = 100_000;
    /** The directory podman and CRI-O put CRIU's images in. */
    public static final String PREFERRED_DIR = "checkpoint";

    private static final int SNIFF = 512;

    private CriuArchive() {
    }

    /** True when these first bytes start a tar (ustar magic at 257) or a gzip, bzip2, xz or zstd stream. */
    public static boolean looksLikeArchive(byte[] head) {
        return compression(head) != null || isTar(head);
    }

    public static ReadResult read(Path archive, ReadMode mode) {
        try (InputStream raw = Files.newInputStream(archive)) {
            return read(raw, archive.toString(), mode);
        } catch (NoSuchFileException e) {
            return failed(archive.toString(), Errno.ENOENT, archive + " does not exist; check the path");
        } catch (AccessDeniedException e) {
            return failed(archive.toString(), Errno.EACCES, archive + " cannot be read: permission denied");
        } catch (IOException e) {
            return failed(archive.toString(), Errno.EIO, archive + " cannot be read: " + e.getMessage());
        }
    }

    /** The same for an archive held in memory (received, or made by a test); {@code origin} names it in messages. */
    public static ReadResult read(byte[] archive, String origin, ReadMode mode) {
        return read(new ByteArrayInputStream(archive), origin, mode);
    }

    private static ReadResult read(InputStream stream, String archive, ReadMode mode) {
        List<Diagnostic> problems = new ArrayList<>();
        SubjectPath where = SubjectPath.of(SubjectPath.FILE, archive);
        Map<String, Map<String, byte[]>> byDir = new TreeMap<>();
        try (InputStream raw = new BufferedInputStream(stream)) {
            raw.mark(SNIFF);
            byte[] head = raw.readNBytes(SNIFF);
            raw.reset();
            String compression = compression(head);
            InputStream in;
            if (compression == null) {
                in = raw;
            } else if (compression.equals("gzip")) {
                in = new GzipCompressorInputStream(raw, true);
            } else if (compression.equals("bzip2")) {
                in = new BZip2CompressorInputStream(raw, true);
            } else if (compression.equals("zstd") && zstdAvailable()) {
                in = new ZstdCompressorInputStream(raw);
            } else {
                problems.add(Diagnostic.error(Errno.ENOSYS, where, Phase.READ, archive + " is " + compression
                        + "-compressed, which this build cannot read; decompress it first (e.g. `" + compression
                        + " -d`) and give the .tar"));
                return ReadResult.failed(problems);
            }
            collect(new TarArchiveInputStream(in), archive, byDir, problems);
        } catch (IOException | RuntimeException e) {
            // Commons Compress reports a damaged header or stream as either; both mean the same here.
            problems.add(Diagnostic.error(Errno.EBADMSG, where, Phase.READ, archive
                    + " is not a readable tar archive: " + e.getMessage()));
        }
        String dir = chooseDirectory(archive, byDir, problems);
        if (dir == null) {
            if (problems.stream().noneMatch(Diagnostic::isError)) {
                problems.add(Diagnostic.error(Errno.ENOENT, where, Phase.READ, archive + " holds no CRIU network "
                        + "images (netns-N.img, netdev-N.img): it is not a checkpoint archive with a network namespace"));
            }
            return ReadResult.failed(problems);
        }
        String origin = archive + "!" + (dir.isEmpty() ? "/" : dir);
        return CriuDumpReader.read(new CriuFiles(origin, byDir.get(dir)), mode, problems);
    }

    private static ReadResult failed(String archive, Errno code, String message) {
        return ReadResult.failed(List.of(Diagnostic.error(code, SubjectPath.of(SubjectPath.FILE, archive), Phase.READ,
                message)));
    }

    private static void collect(TarArchiveInputStream tar, String archive, Map<String, Map<String, byte[]>> byDir,
                                List<Diagnostic> problems) throws IOException {
        long streamed = 0;
        int count = 0;
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            if (++count > MAX_ENTRIES) {
                problems.add(Diagnostic.error(Errno.E2BIG, SubjectPath.of(SubjectPath.FILE, archive),
                        Phase.READ, archive + " has more than " + MAX_ENTRIES + " entries; a checkpoint has far "
                                + "fewer, so the rest is not read"));
                return;
            }
            String name = e.getName();
            SubjectPath where = SubjectPath.of(SubjectPath.FILE, archive + "!" + name);
            if (!e.isFile()) {
                continue;
            }
            streamed += Math.max(0, e.getSize());
            if (streamed > MAX_STREAM_BYTES) {
                problems.add(Diagnostic.error(Errno.EFBIG, where, Phase.READ, archive + " holds more than "
                        + MAX_STREAM_BYTES + " bytes; the rest is not read"));
                return;
            }
            String path = safePath(name);
            if (path == null) {
                problems.add(Diagnostic.warning(Errno.EINVAL, where, Phase.READ, "entry '" + name
                        + "' has an absolute path or '..' in it; it is refused"));
                continue;
            }
            int slash = path.lastIndexOf('/');
            String dir = slash < 0 ? "" : path.substring(0, slash);
            String file = path.substring(slash + 1);
            if (!CriuFiles.isNetworkImage(file)) {
                continue;
            }
            if (e.getSize() > MAX_ENTRY_BYTES || e.getSize() > CriuFiles.MAX_FILE_BYTES) {
                problems.add(Diagnostic.error(Errno.EFBIG, where, Phase.READ, name + " is " + e.getSize()
                        + " bytes; a CRIU network image is at most " + CriuFiles.MAX_FILE_BYTES + " bytes, so it is not read"));
                continue;
            }
            byte[] content = tar.readNBytes((int) e.getSize());
            if (content.length != e.getSize()) {
                problems.add(Diagnostic.error(Errno.EBADMSG, where, Phase.READ, name + " is cut short in the archive: "
                        + content.length + " of " + e.getSize() + " bytes"));
            }
            byDir.computeIfAbsent(dir, k -> new TreeMap<>()).put(file, content);
        }
    }

    /** The entry path without "./", or null when it is absolute or climbs out with "..". */
    static String safePath(String name) {
        String p = name.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.startsWith("/") || p.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String seg : p.split("/")) {
            if (seg.equals("..")) {
                return null;
            }
            if (!seg.isEmpty() && !seg.equals(".")) {
                kept.add(seg);
            }
        }
        return kept.isEmpty() ? null : String.join("/", kept);
    }

    private static String chooseDirectory(String archive, Map<String, Map<String, byte[]>> byDir,
                                          List<Diagnostic> problems) {
        List<String> dumps = new ArrayList<>();
        byDir.forEach((dir, files) -> {
            if (files.keySet().stream().anyMatch(CriuFiles::isNamespaceImage)) {
                dumps.add(dir);
            }
        });
        if (dumps.isEmpty()) {
            return null;
        }
        String chosen = dumps.contains(PREFERRED_DIR) ? PREFERRED_DIR : dumps.get(0);
        if (dumps.size() > 1) {
            problems.add(Diagnostic.warning(Errno.EINVAL, SubjectPath.of(SubjectPath.FILE, archive),
                    Phase.READ, archive + " holds CRIU images in " + dumps.size() + " directories " + dumps
                            + "; reading '" + chosen + "'"));
        }
        return chosen;
    }

    /** zstd goes through zstd-jni, whose native library may fail to load on an unusual platform. */
    static boolean zstdAvailable() {
        try {
            return ZstdUtils.isZstdCompressionAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    private static String compression(byte[] h) {
        if (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            return "gzip";
        }
        if (h.length >= 3 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') {
            return "bzip2";
        }
        if (h.length >= 6 && (h[0] & 0xff) == 0xfd && h[1] == '7' && h[2] == 'z' && h[3] == 'X' && h[4] == 'Z' && h[5] == 0) {
            return "xz";
        }
        if (h.length >= 4 && (h[0] & 0xff) == 0x28 && (h[1] & 0xff) == 0xb5 && (h[2] & 0xff) == 0x2f
                && (h[3] & 0xff) == 0xfd) {
            return "zstd";
        }
        return null;
    }

    private static boolean isTar(byte[] h) {
        return h.length >= 262 && new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }
}

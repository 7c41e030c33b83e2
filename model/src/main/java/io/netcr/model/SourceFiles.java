package io.netcr.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Reads a whole file with a size bound, turning every I/O failure into a diagnostic that names the file. */
public final class SourceFiles {

    /** Snapshot files of even very large hosts stay far below this. */
    public static final long MAX_BYTES = 256L << 20;

    /** Either the bytes or the diagnostics of why there are none. */
    public record Bytes(byte[] bytes, List<Diagnostic> problems) {
        public <T> T map(Function<byte[], T> ok, Function<List<Diagnostic>, T> failed) {
            return bytes != null ? ok.apply(bytes) : failed.apply(problems);
        }
    }

    private SourceFiles() {
    }

    public static Bytes readBounded(Path file, Phase phase) {
        SubjectPath where = SubjectPath.of(SubjectPath.FILE, file.toString());
        try {
            if (Files.isDirectory(file)) {
                return failed(Errno.EISDIR, where, phase, file + " is a directory, not a snapshot file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return failed(Errno.EFBIG, where, phase, file + " is " + size + " bytes; a snapshot file is at most "
                        + MAX_BYTES + " bytes");
            }
            return new Bytes(Files.readAllBytes(file), List.of());
        } catch (NoSuchFileException e) {
            return failed(Errno.ENOENT, where, phase, file + " does not exist; check the path");
        } catch (AccessDeniedException e) {
            return failed(Errno.EACCES, where, phase, file + " cannot be read: permission denied");
        } catch (IOException e) {
            return failed(Errno.EIO, where, phase, file + " cannot be read: " + e.getMessage());
        }
    }

    private static Bytes failed(Errno code, SubjectPath where, Phase phase, String message) {
        return new Bytes(null, List.of(Diagnostic.error(code, where, phase, message)));
    }
}

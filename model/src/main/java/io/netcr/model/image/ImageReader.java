package io.netcr.model.image;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.Limits;
import io.netcr.model.validate.SnapshotValidator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a .netcr image (docs/image-format.md) and trusts nothing in it. It never throws: every problem,
 * from a missing file to a dangling reference, becomes a {@link Diagnostic} in phase READ.
 *
 * <p>Steps: frame the records and check the trailer ({@link RecordScanner}); decode each body
 * ({@link Decoded}); resolve references ({@link ImageLinker}); run the semantic checks every reader
 * shares ({@link SnapshotValidator}); in salvage mode, repair what can be repaired ({@link Salvage}).
 * Every step runs in both modes, so strict mode reports every problem, not only the first.
 */
public final class ImageReader {

    private ImageReader() {
    }

    public static ReadResult read(Path file, ReadMode mode) {
        return read(file, mode, Limits.defaults());
    }

    public static ReadResult read(Path file, ReadMode mode, Limits limits) {
        SubjectPath at = SubjectPath.of(SubjectPath.FILE, String.valueOf(file));
        byte[] bytes;
        try {
            bytes = load(file);
        } catch (NoSuchFileException e) {
            return ioFailure(Errno.ENOENT, at, "no such file: " + file);
        } catch (AccessDeniedException e) {
            return ioFailure(Errno.EACCES, at, "permission denied reading " + file);
        } catch (NotRegular e) {
            return ioFailure(Errno.EINVAL, at, file + " is not a regular file (a pipe, socket or device)");
        } catch (TooBig e) {
            return ioFailure(Errno.EFBIG, at, "the file is over " + ImageFormat.MAX_IMAGE + " bytes; no image is that"
                    + " large");
        } catch (IsDirectory | NotDirectoryException e) {
            return ioFailure(e instanceof IsDirectory ? Errno.EISDIR : Errno.ENOTDIR, at, file + ": "
                    + (e instanceof IsDirectory ? "is a directory" : "a part of the path is not a directory"));
        } catch (FileSystemException e) {
            return ioFailure(Errno.EIO, at, "cannot read " + file + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return ioFailure(Errno.EIO, at, "cannot read " + file + ": " + e);
        }
        return read(bytes, mode, file.toString(), limits);
    }

    public static ReadResult read(byte[] bytes, ReadMode mode, String origin) {
        return read(bytes, mode, origin, Limits.defaults());
    }

    public static ReadResult read(byte[] bytes, ReadMode mode, String origin, Limits limits) {
        SubjectPath at = SubjectPath.of(SubjectPath.FILE, String.valueOf(origin));
        try {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(limits, "limits");
            return parse(bytes, mode, origin, at, limits);
        } catch (RuntimeException | StackOverflowError e) {
            // A last resort: a bug in this reader must still not reach the caller as an exception.
            return ioFailure(Errno.EIO, at, "internal error while reading the image: " + e);
        }
    }

    /** True when these first bytes (8 suffice) are the image magic. */
    public static boolean looksLikeImage(byte[] firstBytes) {
        return firstBytes != null && firstBytes.length >= ImageFormat.MAGIC.length
                && Arrays.equals(firstBytes, 0, ImageFormat.MAGIC.length, ImageFormat.MAGIC, 0, ImageFormat.MAGIC.length);
    }

    private static ReadResult parse(byte[] bytes, ReadMode mode, String origin, SubjectPath at, Limits limits) {
        ReadLog log = new ReadLog();
        RecordScanner.Scan scan = RecordScanner.scan(bytes, mode, at, log);
        if (!scan.usable()) {
            return ReadResult.failed(log.list());
        }
        Decoded decoded = Decoded.decode(bytes, scan.frames(), scan.version(), log);
        Snapshot snapshot = ImageLinker.link(decoded, origin, at, log);
        log.addAll(SnapshotValidator.validate(snapshot, Phase.READ, limits));
        if (mode == ReadMode.STRICT) {
            return log.hasErrors() ? ReadResult.failed(log.list()) : new ReadResult(snapshot, log.list());
        }
        Snapshot repaired = Salvage.repair(snapshot, limits, log);
        List<Diagnostic> problems = new ArrayList<>(log.list());
        return new ReadResult(repaired.withDiagnostics(problems), problems);
    }

    private static ReadResult ioFailure(Errno code, SubjectPath at, String message) {
        return ReadResult.failed(List.of(Diagnostic.error(code, at, Phase.READ, message)));
    }

    /** Reads the whole file, refusing a directory and anything larger than an image can be. */
    private static byte[] load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IsDirectory();
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new NotRegular(); // a FIFO or a device would block the read, or never end
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) ImageFormat.MAX_IMAGE + 1);
            if (bytes.length > ImageFormat.MAX_IMAGE) {
                throw new TooBig();
            }
            return bytes;
        }
    }

    private static final class IsDirectory extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static final class NotRegular extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static final class TooBig extends IOException {
        private static final long serialVersionUID = 1L;
    }
}

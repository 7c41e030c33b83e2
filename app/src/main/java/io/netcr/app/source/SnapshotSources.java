package io.netcr.app.source;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import io.netcr.model.image.ImageReader;
import io.netcr.model.json.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens any file a snapshot can come from, whatever its name: the first bytes say whether it is a
 * .netcr image or a JSON snapshot. Never throws; what cannot be opened comes back as diagnostics.
 */
public final class SnapshotSources {

    private static final int SNIFF_BYTES = 64;

    private SnapshotSources() {
    }

    public static ReadResult open(Path file, ReadMode mode) {
        SubjectPath where = SubjectPath.of(SubjectPath.FILE, file.toString());
        if (Files.isDirectory(file)) {
            return failed(Errno.EISDIR, where, file + " is a directory; give a .netcr image or a JSON snapshot file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            return failed(Errno.ENOENT, where, file + " does not exist; check the path");
        } catch (java.nio.file.AccessDeniedException e) {
            return failed(Errno.EACCES, where, file + " cannot be read: permission denied");
        } catch (IOException e) {
            return failed(Errno.EIO, where, file + " cannot be read: " + e.getMessage());
        }
        if (ImageReader.looksLikeImage(head)) {
            return ImageReader.read(file, mode);
        }
        if (SnapshotJson.looksLikeJson(head)) {
            return SnapshotJson.read(file, mode);
        }
        return failed(Errno.EBADMSG, where, file + " is neither a .netcr image nor a JSON snapshot"
                + (head.length == 0 ? " (it is empty)" : ""));
    }

    /** True when the file exists, is a regular file and this process may read it. */
    public static boolean isReadableFile(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    private static ReadResult failed(Errno code, SubjectPath where, String message) {
        return ReadResult.failed(List.of(Diagnostic.error(code, where, Phase.READ, message)));
    }
}

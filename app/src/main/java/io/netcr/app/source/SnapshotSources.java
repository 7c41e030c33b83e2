package io.netcr.app.source;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * STAND-IN for the main line's reader (same class, same signature), so the workbench can be built and
 * tested now: it reads only the JSON form and refuses a binary .netcr image with a diagnostic. It is
 * replaced at merge by the real one, which sniffs both.
 */
public final class SnapshotSources {

    private SnapshotSources() {
    }

    /** Reads a snapshot file; never throws: every problem becomes a diagnostic. */
    public static ReadResult open(Path file, ReadMode mode) {
        SubjectPath subject = SubjectPath.of(SubjectPath.FILE, file.toString());
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
            if (!text.startsWith("{")) {
                return failed(Errno.ENOSYS, subject, "cannot read " + file.getFileName()
                        + ": only JSON snapshots can be opened in this build (image reading is not merged yet)");
            }
            Snapshot s = SnapshotJsonCodec.fromJson(text);
            Source src = s.source();
            s = s.withSource(src.withPath(src.kind() == null ? Source.JSON : src.kind(), file.toString()));
            return new ReadResult(s, List.of());
        } catch (NoSuchFileException e) {
            return failed(Errno.ENOENT, subject, "no such file: " + file);
        } catch (IOException | RuntimeException e) {
            return failed(Errno.EINVAL, subject, "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private static ReadResult failed(Errno code, SubjectPath subject, String message) {
        return ReadResult.failed(List.of(Diagnostic.error(code, subject, Phase.READ, message)));
    }
}

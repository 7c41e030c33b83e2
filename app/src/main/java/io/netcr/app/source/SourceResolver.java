package io.netcr.app.source;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Turns a command-line SOURCE ("live" or a file) into a snapshot. */
public final class SourceResolver {

    public static final String LIVE = "live";

    /** Where "live" comes from. Plugging in discovery is this one line. */
    private static final Supplier<ReadResult> LIVE_DISCOVERY = () -> ReadResult.failed(List.of(
            Diagnostic.error(Errno.ENOSYS, SubjectPath.ROOT, Phase.SNAPSHOT, "live discovery not available yet")));

    private SourceResolver() {
    }

    public static boolean isLive(String source) {
        return LIVE.equals(source);
    }

    public static ReadResult resolve(String source, ReadMode mode) {
        return isLive(source) ? LIVE_DISCOVERY.get() : SnapshotSources.open(Path.of(source), mode);
    }
}

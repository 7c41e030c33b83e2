package io.netcr.app.agent;

import io.netcr.app.protocol.Requests;
import io.netcr.model.Diagnostic;
import io.netcr.model.checkpoint.CheckpointSelector;
import io.netcr.model.plan.RestoreOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent refuses before any work, by exactly the checks the command line makes: a namespace selector
 * that cannot name a namespace ({@link CheckpointSelector#specProblem}, as {@code netcr checkpoint}), and a
 * restore's renames and prefix ({@link RestoreOptions#problems}, as {@code netcr restore}). Nothing a client
 * sends is ever used as a path: selectors are matched against what discovery found, and images arrive as bytes
 * and are read as a file is (the image reader's validation).
 */
final class BoundaryChecks {

    private BoundaryChecks() {
    }

    /** Each selector must be a name the name rules allow, {@code nsfs:INODE} or {@code pid:PID}. */
    static List<Diagnostic> netns(List<String> selectors) {
        List<Diagnostic> out = new ArrayList<>();
        for (String s : selectors) {
            CheckpointSelector.specProblem(s).ifPresent(out::add);
        }
        return out;
    }

    /** A restore request's renames and prefix; its image is checked on arrival. */
    static List<Diagnostic> restore(Requests.Restore request) {
        return new RestoreOptions(request.renames(), request.prefix()).problems();
    }
}

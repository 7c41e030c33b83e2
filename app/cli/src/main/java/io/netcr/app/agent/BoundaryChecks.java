package io.netcr.app.agent;

import io.netcr.app.protocol.Requests;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.NameRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent refuses before any work, by the model's own rules: a namespace selector that cannot name a
 * namespace. Nothing a client sends is ever used as a path: selectors are matched against what discovery found,
 * images arrive as bytes and are read as a file is (the image reader's validation), and a restore's renames and
 * prefix are checked by the planner before anything changes, exactly as for {@code netcr restore}.
 */
final class BoundaryChecks {

    private BoundaryChecks() {
    }

    /** Each selector must be a name the name rules allow, {@code nsfs:INODE} or {@code pid:PID}. */
    static List<Diagnostic> netns(List<String> selectors) {
        List<Diagnostic> out = new ArrayList<>();
        for (String s : selectors) {
            String why = s.startsWith("pid:") || s.startsWith("nsfs:") ? number(s.substring(s.indexOf(':') + 1))
                    : NameRules.knownName(s).map(NameRules.Problem::reason).orElse(null);
            if (why != null) {
                out.add(Diagnostic.error(Errno.EINVAL, SubjectPath.of(SubjectPath.NETNS, s), Phase.READ, "'" + s
                        + "' is not a namespace name, nsfs:INODE or pid:PID: " + why));
            }
        }
        return out;
    }

    /** A restore request: its image is checked on arrival, its options by the planner. */
    static List<Diagnostic> restore(Requests.Restore request) {
        return List.of();
    }

    private static String number(String digits) {
        return !digits.isEmpty() && digits.length() <= 19 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? null : "the part after ':' must be a number";
    }
}

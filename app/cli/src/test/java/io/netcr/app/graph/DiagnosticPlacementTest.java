package io.netcr.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiagnosticPlacementTest {

    private static final SubjectPath RED = SubjectPath.parse("netns:red");
    private static final SubjectPath VETH0 = SubjectPath.parse("netns:red/dev:veth0");
    private static final Set<SubjectPath> DRAWN = Set.of(RED, VETH0);

    private static Diagnostic on(String subject) {
        return Diagnostic.warning(Errno.EINVAL, SubjectPath.parse(subject), Phase.READ, "about " + subject);
    }

    @Test
    void should_put_each_diagnostic_on_its_nearest_drawn_owner() {
        Diagnostic device = on("netns:red/dev:veth0");
        Diagnostic address = on("netns:red/dev:veth0/addr:10.250.0.1/24");
        Diagnostic route = on("netns:red/route:10.250.9.0/24");
        Diagnostic gone = on("netns:red/dev:gone0");
        Map<SubjectPath, List<Diagnostic>> badges =
                DiagnosticPlacement.place(List.of(device, address, route, gone), DRAWN::contains);
        assertEquals(List.of(device, address), badges.get(VETH0));
        assertEquals(List.of(route, gone), badges.get(RED));
    }

    @Test
    void should_put_root_and_ownerless_diagnostics_on_nothing() {
        Diagnostic root = Diagnostic.error(Errno.EINVAL, SubjectPath.ROOT, Phase.READ, "bad header");
        Diagnostic record = on("record:17");
        Diagnostic otherNs = on("netns:blue/dev:eth0");
        assertEquals(Map.of(), DiagnosticPlacement.place(List.of(root, record, otherNs), DRAWN::contains));
    }
}

package io.netcr.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Severity;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording of the checkpoint's warning about rules and tables it does not save. */
class UnsavedRoutingWarningsTest {

    private static final List<PolicyRule> DEFAULTS = List.of(
            new PolicyRule("inet", 0, "from all", "lookup local"), new PolicyRule("inet", 32766, "from all", "lookup main"),
            new PolicyRule("inet", 32767, "from all", "lookup default"),
            new PolicyRule("inet6", 0, "from all", "lookup local"), new PolicyRule("inet6", 32766, "from all", "lookup main"));

    private final Snapshot image = new Snapshot(new Source("live", null, null, null, null, "test"), List.of(
            new Namespace("nsfs:1", List.of(), true, List.of()),
            new Namespace("nsfs:2", List.of("blue"), false, List.of()),
            new Namespace("nsfs:3", List.of("plain"), false, List.of())), List.of());

    private static List<PolicyRule> withDefaults(PolicyRule... extra) {
        List<PolicyRule> all = new ArrayList<>(DEFAULTS);
        all.addAll(List.of(extra));
        return all;
    }

    @Test
    void should_say_nothing_of_a_namespace_with_only_the_kernel_defaults() {
        assertEquals(List.of(), UnsavedRoutingWarnings.of(image,
                List.of(new RoutingOutsideMain.Found("nsfs:3", DEFAULTS, List.of()))));
    }

    @Test
    void should_warn_once_per_namespace_counting_rules_and_routes_and_saying_what_to_do() {
        List<Diagnostic> ds = UnsavedRoutingWarnings.of(image, List.of(
                new RoutingOutsideMain.Found("nsfs:2", withDefaults(
                        new PolicyRule("inet", 100, "from 10.250.1.0/24", "lookup 100"),
                        new PolicyRule("inet6", 100, "from fd00:250:1::/64", "lookup 100")),
                        List.of(new TableRoute("inet", "100", "10.250.2.0/24"), new TableRoute("inet", "100", "default"),
                                new TableRoute("inet6", "100", "fd00:250:2::/64"))),
                new RoutingOutsideMain.Found("nsfs:3", DEFAULTS, List.of())));

        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertEquals(Errno.ENOSYS, d.code());
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(Phase.CHECKPOINT, d.phase());
        assertEquals("netns:blue", d.subject().toString());
        assertEquals("2 policy rules (pref 100: from 10.250.1.0/24 lookup 100, pref 100: from fd00:250:1::/64 lookup 100 "
                + "(IPv6)) and 3 routes in table 100 are not checkpointed: netcr saves only the main table; re-create "
                + "them after restore (ip rule add ..., ip -6 rule add ..., ip route add ... table 100, ip -6 route add "
                + "... table 100)", d.message());
    }

    @Test
    void should_list_a_few_and_count_the_rest() {
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rules.add(new PolicyRule("inet", 100 + i, "from 10.250." + i + ".0/24", "lookup " + (100 + i)));
        }
        List<TableRoute> routes = List.of(new TableRoute("inet", "101", "default"), new TableRoute("inet", "101", "10.250.9.0/24"),
                new TableRoute("inet", "102", "default"), new TableRoute("inet", "103", "default"),
                new TableRoute("inet", "104", "default"));

        String m = UnsavedRoutingWarnings.of(image, List.of(new RoutingOutsideMain.Found("nsfs:2", rules, routes)))
                .get(0).message();

        assertTrue(m.startsWith("5 policy rules (pref 101: from 10.250.1.0/24 lookup 101, pref 102: from 10.250.2.0/24 "
                + "lookup 102, pref 103: from 10.250.3.0/24 lookup 103 and 2 more) and 5 routes (2 in table 101, 1 in "
                + "table 102, 1 in table 103 and 1 more) are not checkpointed"), m);
    }

    @Test
    void should_speak_of_one_route_in_the_singular() {
        String m = UnsavedRoutingWarnings.of(image, List.of(new RoutingOutsideMain.Found("nsfs:2", DEFAULTS,
                List.of(new TableRoute("inet", "default", "10.250.4.0/24"))))).get(0).message();

        assertEquals("1 route in table default is not checkpointed: netcr saves only the main table; re-create it after "
                + "restore (ip route add ... table default)", m);
    }

    @Test
    void should_warn_of_a_namespace_that_could_not_be_asked_with_its_code() {
        List<Diagnostic> ds = UnsavedRoutingWarnings.of(image,
                List.of(new RoutingOutsideMain.Unknown("nsfs:2", Errno.EPERM, "Operation not permitted")));

        assertEquals(1, ds.size());
        assertEquals(Errno.EPERM, ds.get(0).code());
        assertEquals(Severity.WARNING, ds.get(0).severity());
        assertTrue(ds.get(0).message().startsWith("cannot ask the kernel for its policy rules and routing tables other "
                + "than main (Operation not permitted)"), ds.get(0).message());
        assertTrue(ds.get(0).message().contains("ip -n blue rule"), ds.get(0).message());
    }

    @Test
    void should_leave_out_the_init_namespace_and_namespaces_not_in_the_image() {
        List<PolicyRule> rule = withDefaults(new PolicyRule("inet", 9, "from all", "lookup 9"));

        assertEquals(List.of(), UnsavedRoutingWarnings.of(image, List.of(
                new RoutingOutsideMain.Found("nsfs:1", rule, List.of()),
                new RoutingOutsideMain.Found("nsfs:99", rule, List.of()))));
    }

    @Test
    void should_keep_the_warnings_in_the_image_and_in_the_result() {
        CheckpointResult r = new CheckpointResult(image, List.of());
        Diagnostic w = Diagnostic.warning(Errno.ENOSYS, io.netcr.model.SubjectPath.of(image.namespaces().get(1)),
                Phase.CHECKPOINT, "x");

        CheckpointResult with = r.withWarnings(List.of(w));

        assertEquals(List.of(w), with.diagnostics());
        assertEquals(List.of(w), with.image().diagnostics());
    }
}

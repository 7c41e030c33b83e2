package io.netcr.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.model.Address;
import io.netcr.model.Route;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointSelector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlanStepJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RestorePlan plan() {
        return RestorePlanner.plan(CheckpointSelector.select(Topologies.host(), List.of("red", "blue"), false,
                new CheckpointOptions(true, 4096)).image(), Topologies.emptyHost(), RestoreOptions.none());
    }

    @Test
    void should_read_back_every_step_of_a_plan_as_it_was_written() throws Exception {
        RestorePlan plan = plan();
        Set<String> kinds = plan.steps().stream().map(s -> s.getClass().getSimpleName()).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("CreateNamespace", "CreateVeth", "CreateBridge", "SetMaster",
                "AddAddress", "SetUp", "AddRoute")), "the fixture has every kind but SetLink: " + kinds);
        List<PlanStep> more = List.of(new PlanStep.SetLink(new TargetNs("red"), "lo", null, 1280),
                new PlanStep.AddAddress(TargetNs.RESTORER, "h0", new Address("inet", "10.250.7.1", 24, "link",
                        List.of("noprefixroute"), "h0:x"), false),
                new PlanStep.AddRoute(TargetNs.RESTORER, new Route("inet6", "fd00:250:9::/64", null, "h0", 5, "boot",
                        "global", "unreachable", "fd00:250::1"), true),
                new PlanStep.CreateLink(new LinkEnd(new TargetNs("red"), "mo0", 12, "02:00:0a:fa:00:0c", 1500), "macvlan",
                        Map.of("mode", "private", "nodst", "false"), new LinkParent(TargetNs.RESTORER, "eth0")),
                new PlanStep.CreateLink(new LinkEnd(new TargetNs("red"), "ifb0", 0, null, 0), "ifb", Map.of(), null),
                new PlanStep.CreateTun(new LinkEnd(new TargetNs("red"), "tp0", 9, null, 0), Map.of("type", "tap",
                        "owner", "1000")),
                new PlanStep.SetAddrGenMode(new TargetNs("red"), "mo0", "none"),
                new PlanStep.SetUp(new TargetNs("red"), "mo0", "eui64"),
                new PlanStep.SetAddressFlags(new TargetNs("red"), "mo0", new Address("inet6", "fe80::1", 64, "link",
                        List.of("permanent"), null)));
        RestorePlan all = new RestorePlan(concat(plan.steps(), more), List.of(), plan.namespaceNames());

        String text = JSON.writeValueAsString(PlanStepJson.planTree(all));
        RestorePlan back = PlanStepJson.plan(JSON.readTree(text));

        assertEquals(all.steps(), back.steps());
        assertEquals(all.namespaceNames(), back.namespaceNames());
    }

    @Test
    void should_name_the_field_that_is_wrong() throws Exception {
        JsonNode noName = JSON.readTree("{\"kind\":\"CreateNamespace\"}");
        JsonNode future = JSON.readTree("{\"kind\":\"SetSysctl\",\"key\":\"x\"}");
        JsonNode badMtu = JSON.readTree("{\"kind\":\"SetLink\",\"netns\":\"a\",\"device\":\"lo\",\"mtu\":\"big\"}");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanStepJson.step(noName)).getMessage()
                .contains("'name'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanStepJson.step(future)).getMessage()
                .contains("SetSysctl"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanStepJson.step(badMtu)).getMessage()
                .contains("'mtu'"));
        assertEquals(Map.of(), PlanStepJson.plan(JSON.readTree("{\"namespaces\":{},\"steps\":[]}")).namespaceNames());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}

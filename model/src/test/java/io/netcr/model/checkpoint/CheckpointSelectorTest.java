package io.netcr.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.Topologies;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointSelectorTest {

    private static List<String> codes(CheckpointResult r) {
        return r.diagnostics().stream().map(d -> d.code() + " " + d.subject()).toList();
    }

    @Test
    void should_refuse_an_unsupported_kind_by_default_and_write_nothing() {
        CheckpointResult r = CheckpointSelector.select(Topologies.host(), List.of("red", "blue"), false,
                CheckpointOptions.defaults());
        assertNull(r.image());
        assertEquals(List.of("ENOSYS netns:red/dev:gv0"), codes(r));
    }

    @Test
    void should_report_every_problem_at_once() {
        CheckpointResult r = CheckpointSelector.select(Topologies.host(), List.of("red", "nope", "blue"), false,
                new CheckpointOptions(false, 1));
        assertNull(r.image());
        List<String> codes = codes(r);
        assertTrue(codes.contains("ENOENT netns:nope"), codes.toString());
        assertTrue(codes.contains("E2BIG netns:red/dev:lo"), codes.toString());
        assertTrue(codes.contains("E2BIG netns:red/dev:veth0"), codes.toString());
        assertTrue(codes.contains("ENOSYS netns:red/dev:gv0"), codes.toString());
    }

    @Test
    void should_record_skipped_devices_and_outside_halves() {
        CheckpointResult r = CheckpointSelector.select(Topologies.host(), List.of("red", "blue"), false,
                new CheckpointOptions(true, 4096));
        Snapshot image = r.image();
        assertNotNull(image, r.diagnostics().toString());
        assertEquals(List.of("nsfs:1", "nsfs:10", "nsfs:11"), image.namespaces().stream().map(Namespace::id).toList());
        Namespace red = image.namespaceNamed("red").orElseThrow();
        assertTrue(red.device("gv0").orElseThrow().skipped());
        assertEquals(1, image.diagnostics().size(), "the ENOSYS warning is kept in the image");
        assertEquals(Errno.ENOSYS, image.diagnostics().get(0).code());

        Namespace init = image.initNamespace().orElseThrow();
        assertEquals(List.of("vethh", "brh", "veth4"), init.devices().stream().map(Device::name).toList(),
                "outside halves, and the host bridge one of them is a port of");
        Device vethh = init.device("vethh").orElseThrow();
        assertEquals(new DeviceRef("nsfs:10", 2, "veth0"), vethh.peer());
        assertEquals("brh", vethh.master());
        Device veth4 = init.device("veth4").orElseThrow();
        assertNull(veth4.master());
        assertEquals(new DeviceRef("nsfs:11", 4, "veth3"), veth4.peer());
        assertEquals(veth4.ifindex(), image.namespaceNamed("blue").orElseThrow().device("veth3").orElseThrow().peer().ifindex());
        assertTrue(init.device(veth4.ifindex()).orElseThrow() == veth4, "ifindexes stay unique in the init record");
        assertEquals(List.of("10.250.9.0/24"), init.routes().stream().map(x -> x.destination()).toList());
        assertEquals(List.of("default"), red.routes().stream().map(x -> x.destination()).toList(), "kernel routes left out");
    }

    @Test
    void should_never_take_the_init_namespace_into_the_set() {
        CheckpointResult r = CheckpointSelector.select(Topologies.host(), List.of("nsfs:1"), false,
                CheckpointOptions.defaults());
        assertNull(r.image());
        assertEquals(List.of("EINVAL netns:init"), codes(r));
    }

    @Test
    void should_take_every_namespace_but_init_with_all() {
        CheckpointResult r = CheckpointSelector.select(Topologies.host(), List.of(), true, new CheckpointOptions(true, 10));
        assertEquals(4, r.image().namespaces().size());
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError));
        assertTrue(r.image().initNamespace().orElseThrow().device("veth4").isEmpty(), "green is in the set now");
    }

    @Test
    void should_refuse_selectors_that_can_name_no_namespace_before_looking() {
        for (String bad : List.of("pid:0", "pid:x", "pid:99999999", "nsfs:", "nsfs:-1", "a/b", "..", "", "a\nb", "a\0b",
                "n".repeat(256))) {
            CheckpointResult r = CheckpointSelector.select(Topologies.host(), List.of(bad), false,
                    CheckpointOptions.defaults());
            assertNull(r.image());
            assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
            Diagnostic d = r.diagnostics().get(0);
            assertEquals(Errno.EINVAL, d.code(), bad);
            assertEquals(SubjectPath.of(SubjectPath.NETNS, bad), d.subject());
        }
        assertTrue(CheckpointSelector.specProblem("pid:4194304").isEmpty());
        assertTrue(CheckpointSelector.specProblem("nsfs:4026532281").isEmpty());
        assertTrue(CheckpointSelector.specProblem("/run/docker/netns/3f2a").isEmpty());
    }

    /** The init namespace (lo, eth0) and "lab" with a held tun and a macvlan on the host's eth0. */
    private static Snapshot kinds(DeviceRef parent) {
        Namespace init = new Namespace("nsfs:1", List.of(), List.of(), true, List.of(Topologies.lo(),
                Device.builder(2, "eth0", "").mac("52:54:00:00:00:01").up(true)
                        .addresses(List.of(io.netcr.model.Address.of("192.0.2.7/24"))).build()), List.of(), java.util.Map.of());
        Namespace lab = new Namespace("nsfs:20", List.of("lab"), List.of(), false, List.of(Topologies.lo(),
                Device.builder(3, "tq0", "tun").properties(java.util.Map.of("carrier", "1"))
                        .config(io.netcr.model.LinkConfig.of(java.util.Map.of("type", "tun", "persist", "true"), null))
                        .build(),
                Device.builder(4, "mo0", "macvlan").mac("02:00:0a:fa:00:04").parent(parent)
                        .config(io.netcr.model.LinkConfig.of(java.util.Map.of("mode", "bridge"), null)).build()),
                List.of(), java.util.Map.of());
        return new Snapshot(Topologies.emptyHost().source(), List.of(init, lab), List.of());
    }

    @Test
    void should_record_a_parent_outside_the_set_in_the_init_namespace_and_warn_of_a_held_tun() {
        CheckpointResult r = CheckpointSelector.select(kinds(new DeviceRef("nsfs:1", 2, "eth0")), List.of("lab"), false,
                CheckpointOptions.defaults());
        assertNotNull(r.image(), r.diagnostics().toString());
        Device eth0 = r.image().initNamespace().orElseThrow().device("eth0").orElseThrow();
        assertEquals(List.of(), eth0.addresses(), "only what names it: the restore does not make it");
        assertEquals(new DeviceRef("nsfs:1", 2, "eth0"), r.image().namespaceNamed("lab").orElseThrow()
                .device("mo0").orElseThrow().parent());
        Diagnostic held = r.image().diagnostics().get(0);
        assertEquals(Errno.EOPNOTSUPP, held.code());
        assertEquals("netns:lab/dev:tq0", held.subject().toString());
        assertTrue(held.message().contains("held open by a process"), held.message());
    }

    @Test
    void should_refuse_a_device_whose_parent_cannot_be_found() {
        CheckpointResult r = CheckpointSelector.select(kinds(new DeviceRef(null, 9, null)), List.of("lab"), false,
                CheckpointOptions.defaults());
        assertNull(r.image());
        // The refusal still tells of every problem at once, the held tun's warning included.
        assertEquals(List.of("ENOENT netns:lab/dev:mo0", "EOPNOTSUPP netns:lab/dev:tq0"), codes(r));
    }
}

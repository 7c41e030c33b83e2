package io.netcr.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    static Snapshot twoNamespaces() {
        Device lo = Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true)
                .operstate("unknown").addresses(List.of(new Address("inet", "127.0.0.1", 8, "host", List.of("permanent"), "lo")))
                .build();
        Device red = Device.builder(2, "veth0", Device.VETH).mac("02:00:00:00:00:01").up(true).operstate("up")
                .peer(new DeviceRef("b", 2, "veth1")).addresses(List.of(Address.of("10.250.0.1/24"),
                        new Address("inet6", "fd00:250::1", 64, "global", List.of("nodad", "permanent"), null)))
                .properties(Map.of("veth.note", "x")).config(LinkConfig.of(Map.of(), "eui64")).build();
        Device blue = Device.builder(2, "veth1", Device.VETH).mac("02:00:00:00:00:02").mtu(9000).up(false)
                .operstate("down").peer(new DeviceRef("r", 2, "veth0")).build();
        Namespace r = new Namespace("r", List.of("red"), List.of(new Holder(42, "sleep")), false, List.of(lo, red),
                List.of(new Route("inet", "default", "10.250.0.254", "veth0", 100, "static", "global", "unicast", null)),
                Map.of("sysctl.net.ipv4.ip_forward", "1"));
        Device vx = Device.builder(3, "vx0", "vxlan").mac("02:00:00:00:00:03").mtu(1450).up(true)
                .parent(new DeviceRef("b", 2, "veth1")).config(LinkConfig.of(Map.of("id", "42", "learning", "false",
                        "remote", "10.250.0.2"), "none")).build();
        Namespace b = new Namespace("b", List.of("blue", "blue-alias"), List.of(), true, List.of(lo, blue, vx), List.of(),
                Map.of());
        Source src = new Source(Source.LIVE, "host1", "6.18.0", Instant.parse("2026-11-29T06:00:00Z"), null, "netcr 0.1.0");
        return new Snapshot(src, List.of(r, b), List.of(Diagnostic.warning(Errno.ENOSYS,
                SubjectPath.parse("netns:red/dev:veth0/addr:10.250.0.1/24"), Phase.SNAPSHOT, "an example")
                .withKernelMessage("kernel says")));
    }

    @Test
    void should_read_back_what_it_wrote() {
        Snapshot s = twoNamespaces();
        String json = SnapshotJson.toJson(s);
        ReadResult back = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8), ReadMode.STRICT, null);
        assertEquals(List.of(), back.diagnostics());
        assertEquals(s, back.snapshot());
        assertEquals(json, SnapshotJson.toJson(back.snapshot()), "writing is deterministic");
    }

    @Test
    void should_use_the_contract_field_names() {
        String json = SnapshotJson.toJson(twoNamespaces());
        for (String field : List.of("\"format\" : \"netcr-snapshot\"", "\"version\" : 1", "\"namespaces\"", "\"names\"",
                "\"pids\" : [ 42 ]", "\"init\"", "\"devices\"", "\"ifindex\"", "\"kind\" : \"veth\"",
                "\"mac\" : \"02:00:00:00:00:01\"", "\"mtu\"", "\"up\"", "\"operstate\"", "\"master\"", "\"peer\"",
                "\"addresses\"", "\"family\" : \"inet6\"", "\"prefixlen\" : 24", "\"routes\"", "\"diagnostics\"",
                "\"code\" : \"ENOSYS\"", "\"severity\" : \"warning\"", "\"subject\" : \"netns:red/dev:veth0/addr:10.250.0.1/24\"",
                "\"phase\" : \"snapshot\"", "\"message\"")) {
            assertTrue(json.contains(field), field + " in\n" + json);
        }
    }

    @Test
    void should_fill_in_what_a_hand_written_topology_leaves_out() {
        String json = """
                { "namespaces": [ { "names": ["red"], "devices": [
                    { "name": "eth0", "kind": "veth" },
                    { "name": "lo", "up": true },
                    { "name": "veth9", "ifindex": 2, "addresses": [ { "address": "FD00:250:0::1", "prefixlen": 64 } ] } ] } ] }
                """;
        ReadResult r = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8), ReadMode.STRICT, "hand.json");
        assertEquals(List.of(), r.diagnostics());
        Namespace red = r.snapshot().namespaces().get(0);
        assertEquals("red", red.id());
        assertEquals(1, red.device("lo").orElseThrow().ifindex());
        assertEquals(Device.LOOPBACK, red.device("lo").orElseThrow().kind());
        assertEquals(3, red.device("eth0").orElseThrow().ifindex(), "the next index not taken by lo or veth9");
        Address a = red.device("veth9").orElseThrow().addresses().get(0);
        assertEquals("inet6", a.family());
        assertEquals("fd00:250::1", a.address());
        assertEquals("hand.json", r.snapshot().source().path());
    }

    @Test
    void should_report_every_wrong_field_and_refuse_in_strict_mode() {
        String json = """
                { "namespaces": [ { "names": ["red"], "devices": [
                    { "name": "a", "mtu": "big" },
                    { "name": "b", "up": "yes", "addresses": [ { "address": "not-an-ip", "prefixlen": 24 } ] },
                    { "kind": "veth" } ] } ],
                  "diagnostics": [ { "code": "EWHAT", "message": "m" } ] }
                """;
        ReadResult r = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8), ReadMode.STRICT, "bad.json");
        assertNull(r.snapshot());
        List<String> texts = r.diagnostics().stream().map(Diagnostic::toString).toList();
        assertEquals(5, texts.size(), texts.toString());
        assertTrue(texts.get(0).startsWith("EINVAL netns:red/dev:a: field 'mtu' must be a whole number"), texts.get(0));
        assertTrue(texts.stream().anyMatch(t -> t.contains("dev:b: field 'up' must be true or false")));
        assertTrue(texts.stream().anyMatch(t -> t.contains("'not-an-ip' is not an IP address")));
        assertTrue(texts.stream().anyMatch(t -> t.contains("netns:red: field 'name' is missing")));
        assertTrue(texts.stream().anyMatch(t -> t.contains("'EWHAT' is not an errno name")));
    }

    @Test
    void should_keep_what_it_can_in_salvage_mode() {
        String json = "{ \"namespaces\": [ { \"names\": [\"red\"], \"devices\": [ { \"name\": \"a\", \"mtu\": \"big\" } ] } ] }";
        ReadResult r = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8), ReadMode.SALVAGE, "x.json");
        assertNotNull(r.snapshot());
        assertEquals(1500, r.snapshot().namespaces().get(0).devices().get(0).mtu());
        assertTrue(r.snapshot().hasErrors(), "the salvaged snapshot carries what was wrong");
    }

    @Test
    void should_say_where_the_syntax_breaks() {
        ReadResult r = SnapshotJson.read("{\n \"namespaces\": [ }".getBytes(StandardCharsets.UTF_8), ReadMode.STRICT, "x.json");
        assertNull(r.snapshot());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Errno.EBADMSG, d.code());
        assertTrue(d.message().contains("line 2"), d.message());
    }

    @Test
    void should_refuse_other_formats_and_versions() {
        assertEquals(Errno.EINVAL, SnapshotJson.read("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                ReadMode.STRICT, null).diagnostics().get(0).code());
        assertEquals(Errno.ENOSYS, SnapshotJson.read("{\"version\":2}".getBytes(StandardCharsets.UTF_8),
                ReadMode.STRICT, null).diagnostics().get(0).code());
        assertEquals(Errno.EINVAL, SnapshotJson.read("[1]".getBytes(StandardCharsets.UTF_8),
                ReadMode.STRICT, null).diagnostics().get(0).code());
    }

    @Test
    void should_sniff_json() {
        assertTrue(SnapshotJson.looksLikeJson(" \n{".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SnapshotJson.looksLikeJson("NETCR".getBytes(StandardCharsets.UTF_8)));
    }
}

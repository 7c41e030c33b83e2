package io.netcr.model.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.diff.ChangeKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceDeltasTest {

    private static final Map<String, String> LABELS = Map.of("nsfs:1", "red", "nsfs:2", "blue");

    private static Namespace red(List<Device> devices, List<Route> routes) {
        return new Namespace("nsfs:1", List.of("red"), List.of(), false, devices, routes, Map.of());
    }

    private static Device veth(int mtu, List<Address> addresses, String peerName) {
        return Device.builder(2, "veth0", "veth").mtu(mtu).up(true).operstate("up")
                .peer(new DeviceRef("nsfs:2", 3, peerName)).addresses(addresses).build();
    }

    private static List<String> texts(Namespace a, Namespace b) {
        return NamespaceDeltas.between(a, b, LABELS::get).stream().map(Delta::toString).toList();
    }

    @Test
    void should_say_each_changed_field_added_address_and_removed_route() {
        Route r = new Route("inet", "10.250.8.0/24", "10.250.7.2", "veth0", 0, "boot", "global", "unicast", null);
        Namespace before = red(List.of(veth(1500, List.of(), "eth0")), List.of(r));
        Namespace after = red(List.of(veth(1400, List.of(Address.of("10.250.7.1/24")), "eth1")), List.of());
        assertEquals(List.of(
                "~ device red/veth0 mtu 1500 -> 1400 peer blue/eth0 -> blue/eth1",
                "+ address red/veth0/10.250.7.1/24",
                "- route red/10.250.8.0/24 via 10.250.7.2 dev veth0"), texts(before, after));
    }

    @Test
    void should_bring_a_new_namespace_with_its_contents_and_take_a_gone_one_alone() {
        Namespace ns = red(List.of(veth(1500, List.of(Address.of("fd00:250::1/64")), "eth0")), List.of());
        assertEquals(List.of("+ namespace red", "+ device red/veth0", "+ address red/veth0/fd00:250::1/64"),
                texts(null, ns));
        List<Delta> gone = NamespaceDeltas.between(ns, null, LABELS::get);
        assertEquals(1, gone.size());
        assertEquals(ChangeKind.REMOVED, gone.get(0).action());
        assertEquals(Delta.Kind.NAMESPACE, gone.get(0).kind());
    }

    @Test
    void should_turn_the_old_snapshot_into_the_new_one_namespace_by_namespace() {
        Source src = new Source(Source.LIVE, "h", "6.18", Instant.EPOCH, null, "test");
        Namespace init = new Namespace("nsfs:9", List.of(), true, List.of());
        Namespace blue = new Namespace("nsfs:2", List.of("blue"), false, List.of());
        Namespace redOld = red(List.of(veth(1500, List.of(), "eth0")), List.of());
        Namespace redNew = red(List.of(veth(1400, List.of(), "eth0")), List.of());
        Snapshot before = new Snapshot(src, List.of(init, blue, redOld), List.of());
        LiveUpdate u = new LiveUpdate(List.of(redNew), List.of("nsfs:2"), List.of(), false);
        assertEquals(new Snapshot(src, List.of(init, redNew), List.of()), u.applyTo(before));
    }
}

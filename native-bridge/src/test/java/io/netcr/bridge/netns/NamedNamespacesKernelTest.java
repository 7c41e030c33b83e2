package io.netcr.bridge.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.bridge.netlink.IfInfoMsg;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.restore.RestoreMessages;
import io.netcr.bridge.restore.RestoreSweep;
import io.netcr.bridge.rtnl.AckPipeline;
import io.netcr.bridge.sys.Inode;
import io.netcr.model.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Named namespaces made and removed as `ip netns add/del` does, and pipelined requests inside one. Root. */
class NamedNamespacesKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @RegisterExtension
    static final RestoreSweep SWEEP = new RestoreSweep();

    @Test
    void should_create_namespaces_that_ip_sees_and_delete_them() throws Exception {
        List<String> names = List.of(SWEEP.prefix() + "a", SWEEP.prefix() + "b");
        List<NamedNamespaces.Created> made = new ArrayList<>();

        NamedNamespaces.create(names, made::add);

        try {
            assertEquals(names, made.stream().map(NamedNamespaces.Created::name).sorted().toList());
            String list = TOPO.ip("netns", "list");
            assertTrue(list.contains(names.get(0)) && list.contains(names.get(1)), list);
            List<NetlinkMessage> links = made.get(0).socket().dump(Nl.RTM_GETLINK, new IfInfoMsg(0, 0, 0, 0, 0),
                    new io.netcr.bridge.netlink.AttributeTree());
            assertEquals(1, links.size(), "the socket is bound inside the new namespace: only its lo");
            assertTrue(TOPO.ip("-n", names.get(0), "link", "show").contains("lo:"));
        } finally {
            made.forEach(NamedNamespaces.Created::close);
        }
        for (String n : names) {
            NamedNamespaces.delete(n);
            assertFalse(Files.exists(Path.of("/run/netns", n)));
        }
    }

    @Test
    void should_refuse_an_existing_name_and_leave_that_namespace_alone() throws Exception {
        String existing = TOPO.namespace();
        TOPO.ip("-n", existing, "link", "set", "lo", "up");
        long inode = (long) Files.getAttribute(Path.of("/run/netns", existing), "unix:ino");

        NamespaceCreateException e = assertThrows(NamespaceCreateException.class,
                () -> NamedNamespaces.create(List.of(existing), c -> c.close()));

        assertEquals(17, e.errnoNumber(), "EEXIST");
        assertEquals(existing, e.name());
        assertEquals(inode, (long) Files.getAttribute(Path.of("/run/netns", existing), "unix:ino"));
        assertTrue(TOPO.ip("-n", existing, "link", "show", "lo").contains("UP"), "the namespace is the same one");
    }

    @Test
    void should_refuse_names_that_leave_run_netns_before_creating_anything() {
        for (String bad : List.of("../../etc/" + SWEEP.prefix(), "..", "a/b", "")) {
            assertThrows(io.netcr.bridge.sys.NativeException.class,
                    () -> NamedNamespaces.create(List.of(SWEEP.prefix() + "ok", bad), c -> c.close()), bad);
        }
        assertFalse(Files.exists(Path.of("/run/netns", SWEEP.prefix() + "ok")));
        assertFalse(Files.exists(Path.of("/etc", SWEEP.prefix())));
    }

    @Test
    void should_match_pipelined_acks_to_their_requests() throws Exception {
        List<NamedNamespaces.Created> made = new ArrayList<>();
        NamedNamespaces.create(List.of(SWEEP.prefix() + "p"), made::add);
        try {
            AckPipeline p = new AckPipeline(made.get(0).socket(), 16);
            for (int i = 0; i < 300; i++) {
                int host = i == 150 ? 10 : i; // request 150 adds the address of request 10 again
                Address a = Address.of("10.250." + (host / 250) + "." + (host % 250 + 1) + "/32");
                RestoreMessages.Request r = RestoreMessages.addAddress(1, a, false);
                p.send(r.type(), r.flags(), r.body(), r.attributes(), i);
            }

            List<AckPipeline.Outcome> outcomes = p.drain();

            assertEquals(300, outcomes.size());
            for (AckPipeline.Outcome o : outcomes) {
                assertEquals(o.tag() == 150 ? 17 : 0, o.errno(), "request " + o.tag());
            }
            assertEquals(0, p.pending());
        } finally {
            made.forEach(NamedNamespaces.Created::close);
        }
    }

    @Test
    void should_announce_each_namespace_by_identity_before_its_name_appears() throws Exception {
        List<String> names = List.of(SWEEP.prefix() + "i", SWEEP.prefix() + "j", SWEEP.prefix() + "k");
        List<NamedNamespaces.Identity> announced = new ArrayList<>();
        List<Boolean> visibleWhenAnnounced = new ArrayList<>();
        List<NamedNamespaces.Created> made = new ArrayList<>();

        NamedNamespaces.create(names, null, batch -> {
            announced.addAll(batch);
            batch.forEach(id -> visibleWhenAnnounced.add(Files.exists(OwnedNamespaces.pathOf(id.name()))));
        }, made::add);

        try {
            assertEquals(names, announced.stream().map(NamedNamespaces.Identity::name).toList());
            assertEquals(List.of(false, false, false), visibleWhenAnnounced, "announced before they have names");
            for (NamedNamespaces.Identity id : announced) {
                assertEquals(id.netns(), Inode.of(OwnedNamespaces.pathOf(id.name())), "stat shows the nsfs inode");
                assertEquals(OwnedNamespaces.Match.MOUNTED, OwnedNamespaces.find(id.name(), id.file(), id.netns())
                        .match());
                assertEquals(OwnedNamespaces.Match.OTHER, OwnedNamespaces.find(id.name(), id.file(),
                        new Inode(id.netns().dev(), id.netns().ino() + 1)).match(), "another namespace is not it");
            }
        } finally {
            made.forEach(NamedNamespaces.Created::close);
        }
        NamedNamespaces.Identity first = announced.get(0);
        assertEquals(OwnedNamespaces.Match.MOUNTED, OwnedNamespaces.removeIfOwn(first.name(), first.file(),
                first.netns()).match());
        assertFalse(Files.exists(OwnedNamespaces.pathOf(first.name())), "removed, file and all");
        TOPO.ip("netns", "add", first.name()); // someone else's, under the same name
        assertEquals(OwnedNamespaces.Match.OTHER, OwnedNamespaces.removeIfOwn(first.name(), first.file(),
                first.netns()).match());
        assertTrue(Files.exists(OwnedNamespaces.pathOf(first.name())), "someone else's is left alone");
    }

    @Test
    void should_make_nothing_visible_when_the_announcement_fails() {
        List<String> names = List.of(SWEEP.prefix() + "x", SWEEP.prefix() + "y");

        assertThrows(NamespaceCreateException.class, () -> NamedNamespaces.create(names, null, batch -> {
            throw new IOException("journal full");
        }, c -> c.close()));

        for (String n : names) {
            assertFalse(Files.exists(OwnedNamespaces.pathOf(n)), n);
        }
    }
}

package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.testing.Fixtures;
import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.lifetime.TeardownRace;
import io.netcr.model.Snapshot;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, the workbench's part: "This host", idle after its first read through the window's real
 * {@link LiveHost}, keeps no deleted namespace alive. A namespace joined to the host by a veth is
 * deleted; its host half must go no later than 0.5 s after the host half of a control deleted the same
 * way that netcr never held (the kernel frees namespaces asynchronously: the control is the clock).
 * Every other namespace keeps its socket, and a refresh shows the deleted one gone. Opening image files
 * holds nothing of the kernel. Needs root; removes what it made whatever happens.
 */
class LiveHostLetsGoKernelTest {

    private final String prefix = "nct" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> hostDevices = new ArrayList<>();
    private Preferences prefs;
    private WorkbenchViewModel vm;

    @BeforeEach
    void a_window_on_this_host() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make namespaces");
        prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
        vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), new RecentFiles(prefs), LiveHost.discovery());
    }

    @AfterEach
    void remove_what_the_test_made() throws Exception {
        if (vm != null) {
            vm.close();
            prefs.removeNode();
        }
        for (String d : hostDevices) {
            Shell.run("ip", "link", "del", d); // gone with its namespace already, normally
        }
        for (String ns : namespaces) {
            Shell.run("ip", "netns", "del", ns);
        }
    }

    /** A named namespace with a veth to the host; returns the host half's name. */
    private String namespaceWithVeth(String tag) throws Exception {
        String ns = prefix + tag;
        namespaces.add(ns);
        Shell.check("ip", "netns", "add", ns);
        String host = prefix + tag + "h";
        hostDevices.add(host);
        Shell.check("ip", "link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", ns);
        return host;
    }

    private static long inode(String ns) throws Exception {
        return (Long) Files.getAttribute(Path.of("/run/netns", ns), "unix:ino");
    }

    private static Path bundledImage() throws Exception {
        Path tmp = Files.createTempFile("netcr-test-demo-", ".netcr");
        tmp.toFile().deleteOnExit();
        try (InputStream in = LiveHostLetsGoKernelTest.class.getResourceAsStream("/io/netcr/app/samples/demo.netcr")) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    @Test
    void should_let_a_deleted_namespace_die_while_this_host_is_idle_after_its_first_read() throws Exception {
        String watchedHost = namespaceWithVeth("w");
        String watched = namespaces.get(0);
        namespaceWithVeth("o");
        String other = namespaces.get(1);
        long watchedIno = inode(watched);
        long otherIno = inode(other);
        NamespaceRegistry registry = NamespaceRegistry.shared(); // the one LiveHost's discovery pins in

        Map<Long, Integer> before = registry.held();
        vm.open(bundledImage());
        vm.open(Fixtures.diagnosticsDemoFile());
        assertEquals(before, registry.held(), "an image source holds nothing of the kernel");

        vm.openLive();
        assertTrue(vm.getActive().live(), vm.statusProperty().get());
        assertTrue(vm.getActive().snapshot().namespaceNamed(watched).isPresent());
        assertTrue(registry.held().getOrDefault(watchedIno, 0) >= 2, "descriptor and socket kept: " + registry.held());

        String controlHost = namespaceWithVeth("c"); // made after the read: nothing of netcr holds it
        Shell.check("ip", "netns", "del", namespaces.get(2));
        Shell.check("ip", "netns", "del", watched);
        TeardownRace.assertGoneWithControl(watchedHost, controlHost);

        Map<Long, Integer> held = registry.held();
        assertFalse(held.containsKey(watchedIno), "nothing of the deleted namespace is held: " + held);
        assertTrue(held.getOrDefault(otherIno, 0) >= 2, "the other namespace keeps its descriptor and socket: " + held);
        vm.refresh();
        Snapshot after = vm.getActive().snapshot();
        assertFalse(after.namespaceNamed(watched).isPresent(), "the refreshed view shows it gone");
        assertTrue(after.namespaceNamed(other).isPresent());
    }
}

package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.lifetime.TeardownRace;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, the agent's part as it exists today: {@code netcr agent} serving this host ({@link LocalHost}) over
 * its protocol, idle after answering a snapshot, keeps no deleted namespace alive. The agent reads each request
 * with a discovery of its own and lets go of it with the answer (a subscription, which would keep sockets, waits
 * for the live monitor), so between requests it pins nothing at all in the process's namespace registry. A
 * namespace joined to the host by a veth is deleted while the session stays open; its host half must go no later
 * than 0.5 s after the host half of a control deleted the same way that netcr never read. The next snapshot
 * through the same session shows it gone. Needs root; removes what it made whatever happens.
 */
class AgentLetsGoKernelTest {

    /** A namespace named TAG+suffix with a veth to the host; returns the host half's name. */
    private static String namespaceWithVeth(KernelTopology t, String suffix) throws Exception {
        String ns = t.tag + suffix;
        KernelTopology.sh("ip", "netns", "add", ns);
        String host = ns + "h";
        KernelTopology.sh("ip", "link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", ns);
        return host;
    }

    private static long inode(String ns) throws Exception {
        return (Long) Files.getAttribute(Path.of("/run/netns", ns), "unix:ino");
    }

    @Test
    void should_let_a_deleted_namespace_die_while_the_agent_is_idle_after_a_snapshot() throws Exception {
        assumeTrue(KernelTopology.root(), "needs root to make namespaces");
        NamespaceRegistry registry = NamespaceRegistry.shared(); // the one the agent's discovery pins in
        try (KernelTopology t = new KernelTopology();
             AgentHost client = new AgentHost(LocalHost.LABEL, false, new InProcessAgent(new LocalHost()),
                     new Hosts.Listener() { }, AgentHost.HELLO_MILLIS, AgentHost.IDLE_MILLIS)) {
            String watched = t.tag + "w";
            String other = t.tag + "o";
            String watchedHost = namespaceWithVeth(t, "w");
            namespaceWithVeth(t, "o");
            long watchedIno = inode(watched);
            long otherIno = inode(other);

            ReadResult first = client.snapshot(List.of(watched, other));
            assertEquals(2, first.snapshot().namespaces().size(), first.diagnostics().toString());
            Map<Long, Integer> held = registry.held();
            assertFalse(held.containsKey(watchedIno) || held.containsKey(otherIno),
                    "the idle agent holds nothing of the namespaces it read: " + held);

            String controlHost = namespaceWithVeth(t, "c"); // made after the read: nothing of netcr holds it
            KernelTopology.sh("ip", "netns", "del", t.tag + "c");
            KernelTopology.sh("ip", "netns", "del", watched);
            TeardownRace.assertGoneWithControl(watchedHost, controlHost);

            ReadResult after = client.snapshot(List.of());
            Snapshot s = after.snapshot();
            assertFalse(s.namespaces().stream().anyMatch(n -> n.id().equals("nsfs:" + watchedIno)),
                    "the next snapshot through the same session shows it gone");
            assertTrue(s.namespaceNamed(other).isPresent(), "and the other still there");
            assertFalse(registry.held().containsKey(otherIno), "nor is anything held after the second answer");
        }
    }
}

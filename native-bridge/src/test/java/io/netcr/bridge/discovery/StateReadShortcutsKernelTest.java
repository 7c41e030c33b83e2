package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netns.NamespaceThreads;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.NamespaceReading;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shortcuts a checkpoint's state read takes for speed (docs/performance.md, "Restore", the checkpoint
 * regression) give what the long way gives, against the real kernel: a sysctl value longer than the first read
 * asks for is read whole, and a TCP table that holds only a TIME_WAIT entry, which sockstat's {@code inuse}
 * does not count, is still counted. {@code sysctl} and /proc/net/tcp read by {@code cat} are the oracles.
 */
class StateReadShortcutsKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    /** What the first read of a sysctl asks for (Sys.FIRST_READ); the value below must be longer. */
    private static final int FIRST_READ = 4095;

    @Test
    void should_read_a_sysctl_longer_than_the_first_read_whole() throws Exception {
        String ns = TOPO.namespace();
        StringBuilder ports = new StringBuilder();
        for (int p = 20001; p < 21601; p += 2) { // single ports, so the kernel prints each: 800 x "2NNNN,"
            ports.append(ports.length() > 0 ? "," : "").append(p);
        }
        // written in one write(2): sysctl(8) would cut the value at 4 KiB
        run("ip", "netns", "exec", ns, "sh", "-c", "printf %s " + ports + " >/proc/sys/net/ipv4/ip_local_reserved_ports");
        String oracle = run("ip", "netns", "exec", ns, "sysctl", "-n", "net.ipv4.ip_local_reserved_ports").strip();
        assertTrue(oracle.length() > FIRST_READ, "the value must not fit in one first read: " + oracle.length());

        NamespaceReading.Found f = read(ns);
        assertEquals(oracle, f.sysctls().get("ipv4/ip_local_reserved_ports"));
        assertEquals(List.of(), f.gaps());
    }

    @Test
    void should_count_sockets_in_time_wait_that_sockstat_does_not_count_in_use() throws Exception {
        String ns = TOPO.namespace();
        TOPO.ip("-n", ns, "link", "set", "lo", "up");
        assertTrue(read(ns).unrestorable().sockets().isEmpty(), "a new namespace has no sockets");

        int nsFd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            // The client closes first and the server answers: the client's side waits in TIME_WAIT, nothing else is left.
            NamespaceThreads.runIn(nsFd, () -> {
                InetAddress local = InetAddress.getByName("127.0.0.1");
                try (ServerSocket listening = new ServerSocket(0, 1, local);
                     Socket client = new Socket(local, listening.getLocalPort());
                     Socket served = listening.accept()) {
                    client.close();
                    served.getInputStream().read(); // end of stream: the client's FIN has arrived
                }
                return null;
            });
        } finally {
            Sys.closeQuietly(nsFd);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> states = tcpStates(ns);
        while (!states.equals(List.of("06")) && System.nanoTime() < deadline) { // 06: TIME_WAIT
            states = tcpStates(ns);
        }
        assertEquals(List.of("06"), states, "one TIME_WAIT entry left");
        String sockstat = run("ip", "netns", "exec", ns, "cat", "/proc/net/sockstat");
        assertTrue(sockstat.contains("TCP: inuse 0 "), sockstat); // what the shortcut alone would call empty

        assertEquals(1, read(ns).unrestorable().sockets().get("tcp"));
    }

    private static NamespaceReading.Found read(String ns) throws Exception {
        try (LiveDiscovery d = new LiveDiscovery("test")) {
            Snapshot s = d.snapshot(Set.of(ns));
            NamespaceReading r = d.checkpointState(List.of(s.namespaceNamed(ns).orElseThrow())).get(0);
            return assertInstanceOf(NamespaceReading.Found.class, r, r::toString);
        }
    }

    /** The st column of every entry of the namespace's /proc/net/tcp and tcp6. */
    private static List<String> tcpStates(String ns) {
        String tables = run("ip", "netns", "exec", ns, "cat", "/proc/net/tcp", "/proc/net/tcp6");
        return tables.lines().map(String::strip).filter(l -> !l.startsWith("sl") && !l.isEmpty())
                .map(l -> l.split("\\s+")[3]).toList();
    }

    private static String run(String... cmd) {
        return KernelTopology.run(List.of(cmd), true);
    }
}

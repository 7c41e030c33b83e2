package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.model.testing.Processes;
import io.netcr.model.testing.Unprivileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discovery run as "nobody" (setpriv) in another JVM: its own namespace is still read, other
 * namespaces are listed with a warning that says root is needed, and nothing fails.
 */
class UnprivilegedDiscoveryTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @Test
    void should_read_own_namespace_and_say_root_is_needed_for_others() {
        assumeTrue(Unprivileged.available(), "setpriv is installed and this test runs as root");
        String ns = TOPO.namespace();
        Processes.Result run = Unprivileged.run(PrintSnapshot.class);
        String out = run.output();
        assertEquals(0, run.exitCode(), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("ns nsfs:\\d+ init=true names= devices=[1-9]\\d*")),
                "own namespace read: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("ns nsfs:\\d+ init=false names=" + ns + " devices=0")),
                "the other namespace is listed, unread: " + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("diag warning EPERM netns:" + ns)
                && l.contains("needs root")), out);
        assertFalse(out.contains("Exception"), out);
    }
}

package io.netcr.bridge.sys;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.bridge.netns.NamespaceThreads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * libnftables in a process that holds more than 1024 descriptors, as a checkpoint of 1000 namespaces does: its
 * dry run (what a checkpoint asks of every ruleset) waits with select(2), and glibc aborts the process when that
 * socket's number is 1024 or more. Run without {@link LowDescriptors}, this test kills its JVM.
 */
class NftablesLowDescriptorsKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @Test
    void should_check_a_ruleset_when_every_low_descriptor_number_is_taken() throws Exception {
        String ns = TOPO.namespace();
        Sys.getpid(); // libc bound, the placeholders taken
        assertTrue(LowDescriptors.held() > 0, "placeholders below 1024");
        List<Integer> filler = new ArrayList<>();
        int nsFd = -1;
        try {
            int fd;
            do {
                fd = Sys.open("/dev/null", Sys.O_RDONLY | Sys.O_CLOEXEC);
                filler.add(fd);
            } while (fd < LowDescriptors.FD_SETSIZE + 16);
            nsFd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
            String checked = NamespaceThreads.runIn(nsFd, () -> {
                try {
                    return Nftables.run("add table inet nct_t\n"
                            + "add chain inet nct_t input { type filter hook input priority 0; policy accept; }\n"
                            + "add rule inet nct_t input ip saddr 10.250.0.0/16 counter accept\n", true);
                } catch (Nftables.NftException e) {
                    assumeTrue(!e.missing(), e.getMessage());
                    throw e;
                }
            });
            assertTrue(checked != null, "the dry run answered");
            assertTrue(LowDescriptors.held() > 0, "placeholders taken again");
        } finally {
            if (nsFd >= 0) {
                Sys.closeQuietly(nsFd);
            }
            filler.forEach(Sys::closeQuietly);
        }
    }
}

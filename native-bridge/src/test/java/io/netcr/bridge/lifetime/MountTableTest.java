package io.netcr.bridge.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mountinfo lines as the kernel writes them (proc(5)): only network-namespace nsfs mounts count. */
class MountTableTest {

    @Test
    void should_map_each_network_namespace_mount_point_to_its_inode() {
        List<String> lines = List.of(
                // id parent major:minor root mount-point options optional-fields - fstype source super-options
                "25 1 0:22 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,mode=755",
                "612 25 0:4 net:[4026532291] /run/netns/blue rw shared:300 - nsfs nsfs rw",
                "613 25 0:4 net:[4026532292] /tmp/with\\040space rw - nsfs nsfs rw",
                "614 25 0:4 mnt:[4026532293] /run/mnt-ns rw - nsfs nsfs rw", // another kind of namespace
                "615 25 0:4 net:[4026532294] /run/netns/blue rw shared:301 - nsfs nsfs rw"); // mounted over
        assertEquals(Map.of("/run/netns/blue", 4026532294L, "/tmp/with space", 4026532292L), MountTable.parse(lines));
    }

    @Test
    void should_read_the_inode_of_a_namespace_link_and_refuse_other_text() {
        assertEquals(4026531840L, MountTable.inodeOfLink("net:[4026531840]"));
        assertThrows(IllegalArgumentException.class, () -> MountTable.inodeOfLink("mnt:[4026531840]"));
    }
}

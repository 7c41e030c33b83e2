package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.AttributeTree;
import java.util.Map;

/**
 * Both ways between one link kind's IFLA_INFO_DATA and the model's settings of it
 * ({@code io.netcr.model.link.KindSpec}): decoding what the kernel reports in a link dump, and encoding what
 * {@code ip link add ... type KIND ...} sends. One implementation per kind (or family of kinds sharing their
 * attributes), each listing its attributes with the UAPI's numbers.
 */
public interface KindCodec {

    /**
     * The settings in a dump's IFLA_INFO_DATA. An attribute of an unexpected size (a newer kernel's) is left
     * out and named in the runtime entry {@code unreadable}, never a failure of the whole device.
     */
    KindData decode(AttributeTree data);

    /** Adds the attributes of these settings (checked by the model's spec) to an IFLA_INFO_DATA nest. */
    void encode(Map<String, String> config, AttributeTree data);

    /**
     * Names the device it sits on in a request: IFLA_LINK of the link's own attributes (macvlan, vlan, ipvlan),
     * unless the kind has an attribute of its own for it in its data (vxlan, the IP tunnels).
     */
    default void encodeParent(int ifindex, AttributeTree link, AttributeTree data) {
        link.addU32(io.netcr.bridge.netlink.Ifla.IFLA_LINK, ifindex);
    }
}

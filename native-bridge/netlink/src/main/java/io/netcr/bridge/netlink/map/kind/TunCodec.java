package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import java.util.Map;

/**
 * tun and tap (kind "tun"): IFLA_TUN_* of linux/if_link.h, as drivers/net/tun.c's fill_info reports them.
 * Read-only over rtnetlink (the kernel refuses to create a tun that way); a restore makes one with
 * TUNSETIFF, whose flags {@link #ifrFlags} computes from the same settings.
 */
final class TunCodec implements KindCodec {

    static final int IFLA_TUN_OWNER = 1;            // u32 uid, absent when none
    static final int IFLA_TUN_GROUP = 2;            // u32 gid, absent when none
    static final int IFLA_TUN_TYPE = 3;             // u8: IFF_TUN 1, IFF_TAP 2
    static final int IFLA_TUN_PI = 4;               // u8: packet information header (no IFF_NO_PI)
    static final int IFLA_TUN_VNET_HDR = 5;         // u8: IFF_VNET_HDR
    static final int IFLA_TUN_PERSIST = 6;          // u8: IFF_PERSIST
    static final int IFLA_TUN_MULTI_QUEUE = 7;      // u8: IFF_MULTI_QUEUE
    static final int IFLA_TUN_NUM_QUEUES = 8;       // u32, multi-queue only: queues attached (run time)
    static final int IFLA_TUN_NUM_DISABLED_QUEUES = 9; // u32, multi-queue only (run time)

    /** TUNSETIFF flags (linux/if_tun.h). */
    static final int IFF_TUN = 0x0001;
    static final int IFF_TAP = 0x0002;
    static final int IFF_MULTI_QUEUE = 0x0100;
    static final int IFF_NO_PI = 0x1000;
    static final int IFF_VNET_HDR = 0x4000;

    private static final FieldTable TABLE = new FieldTable()
            .add(IFLA_TUN_TYPE, "type", Wire.named(Wire.U8, Map.of((long) IFF_TUN, "tun", (long) IFF_TAP, "tap")))
            .add(IFLA_TUN_OWNER, "owner", Wire.U32)
            .add(IFLA_TUN_GROUP, "group", Wire.U32)
            .add(IFLA_TUN_PI, "pi", Wire.BOOL)
            .add(IFLA_TUN_VNET_HDR, "vnet_hdr", Wire.BOOL)
            .add(IFLA_TUN_MULTI_QUEUE, "multi_queue", Wire.BOOL)
            .add(IFLA_TUN_PERSIST, "persist", Wire.BOOL);

    @Override
    public KindData decode(AttributeTree data) {
        Decoding d = new Decoding().read(TABLE, data);
        Attribute queues = data.find(IFLA_TUN_NUM_QUEUES);
        if (queues != null && queues.length() == 4) {
            d.runtime.put("tun.queues", Long.toString(queues.u32Long()));
        }
        Attribute disabled = data.find(IFLA_TUN_NUM_DISABLED_QUEUES);
        if (disabled != null && disabled.length() == 4) {
            d.runtime.put("tun.disabled_queues", Long.toString(disabled.u32Long()));
        }
        return d.done(KindData.NO_LINK_ATTRIBUTE);
    }

    /** rtnetlink cannot make a tun (tun_newlink: EOPNOTSUPP); a restore uses {@link #ifrFlags}. */
    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        throw new UnsupportedOperationException("a tun is made through /dev/net/tun, not rtnetlink");
    }

    /**
     * The ifr_flags of TUNSETIFF for these settings ({@code ip tuntap add} sets IFF_NO_PI unless told "pi"):
     * type, IFF_NO_PI, IFF_VNET_HDR, IFF_MULTI_QUEUE. Persistence, owner and group are ioctls of their own.
     */
    public static int ifrFlags(Map<String, String> config) {
        int flags = "tap".equals(config.get("type")) ? IFF_TAP : IFF_TUN;
        if (!"true".equals(config.get("pi"))) {
            flags |= IFF_NO_PI;
        }
        if ("true".equals(config.get("vnet_hdr"))) {
            flags |= IFF_VNET_HDR;
        }
        if ("true".equals(config.get("multi_queue"))) {
            flags |= IFF_MULTI_QUEUE;
        }
        return flags;
    }
}

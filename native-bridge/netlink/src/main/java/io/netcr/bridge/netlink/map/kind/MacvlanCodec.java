package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.RtnlWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * macvlan and macvtap: IFLA_MACVLAN_* of linux/if_link.h. The parent is IFLA_LINK. The mode flags
 * (MACVLAN_FLAG_*) are one setting each; a source-mode device's allowed source MACs are one list, sent back
 * with IFLA_MACVLAN_MACADDR_MODE = MACVLAN_MACADDR_SET.
 */
final class MacvlanCodec implements KindCodec {

    static final int IFLA_MACVLAN_MODE = 1;            // u32: MACVLAN_MODE_* (1 private, 2 vepa, 4 bridge, ...)
    static final int IFLA_MACVLAN_FLAGS = 2;           // u16: MACVLAN_FLAG_NOPROMISC 1, MACVLAN_FLAG_NODST 2
    static final int IFLA_MACVLAN_MACADDR_MODE = 3;    // u32, requests only: MACVLAN_MACADDR_ADD/DEL/FLUSH/SET
    static final int IFLA_MACVLAN_MACADDR = 4;         // 6 bytes, inside MACADDR_DATA
    static final int IFLA_MACVLAN_MACADDR_DATA = 5;    // nest of MACADDR
    static final int IFLA_MACVLAN_MACADDR_COUNT = 6;   // u32 (run time)
    static final int IFLA_MACVLAN_BC_QUEUE_LEN = 7;    // u32: requested broadcast queue length
    static final int IFLA_MACVLAN_BC_QUEUE_LEN_USED = 8; // u32: the port's, the largest asked (run time)
    static final int IFLA_MACVLAN_BC_CUTOFF = 9;       // s32
    static final int MACVLAN_MACADDR_SET = 3;
    static final int MACVLAN_FLAG_NOPROMISC = 1;
    static final int MACVLAN_FLAG_NODST = 2;

    private static final FieldTable TABLE = new FieldTable()
            .add(IFLA_MACVLAN_MODE, "mode", Wire.named(Wire.U32, Map.of(1L, "private", 2L, "vepa", 4L, "bridge",
                    8L, "passthru", 16L, "source")))
            .add(IFLA_MACVLAN_BC_QUEUE_LEN, "bcqueuelen", Wire.U32)
            .add(IFLA_MACVLAN_BC_CUTOFF, "bclim", Wire.S32);

    @Override
    public KindData decode(AttributeTree data) {
        Decoding d = new Decoding().read(TABLE, data);
        Attribute flags = data.find(IFLA_MACVLAN_FLAGS);
        if (flags != null && flags.length() == 2) {
            d.config.put("nopromisc", Boolean.toString((flags.u16() & MACVLAN_FLAG_NOPROMISC) != 0));
            d.config.put("nodst", Boolean.toString((flags.u16() & MACVLAN_FLAG_NODST) != 0));
        } else if (flags != null) {
            d.unreadable.add("flags");
        }
        AttributeTree macs = data.nestedOrNull(IFLA_MACVLAN_MACADDR_DATA);
        if (macs != null) {
            List<String> list = new ArrayList<>();
            for (Attribute m : macs.all()) {
                if (m.type() == IFLA_MACVLAN_MACADDR && m.length() == 6) {
                    list.add(RtnlWords.mac(m.bytes()));
                }
            }
            d.config.put("macaddr", String.join(",", list));
        }
        Attribute used = data.find(IFLA_MACVLAN_BC_QUEUE_LEN_USED);
        if (used != null && used.length() == 4) {
            d.runtime.put("macvlan.usedbcqueuelen", Long.toString(used.u32Long()));
        }
        return d.done(KindData.NO_LINK_ATTRIBUTE);
    }

    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        TABLE.encode(config, data);
        if (config.containsKey("nopromisc") || config.containsKey("nodst")) {
            int flags = ("true".equals(config.get("nopromisc")) ? MACVLAN_FLAG_NOPROMISC : 0)
                    | ("true".equals(config.get("nodst")) ? MACVLAN_FLAG_NODST : 0);
            data.addU16(IFLA_MACVLAN_FLAGS, flags);
        }
        String macs = config.get("macaddr");
        if (macs != null && !macs.isEmpty()) {
            data.addU32(IFLA_MACVLAN_MACADDR_MODE, MACVLAN_MACADDR_SET);
            AttributeTree list = data.addNest(IFLA_MACVLAN_MACADDR_DATA);
            for (String mac : macs.split(",")) {
                list.add(IFLA_MACVLAN_MACADDR, Wire.mac(mac));
            }
        }
    }
}

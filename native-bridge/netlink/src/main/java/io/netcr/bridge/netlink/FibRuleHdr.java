package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/**
 * struct fib_rule_hdr (linux/fib_rules.h): heads RTM_NEWRULE. {@code table} is 8 bits; FRA_TABLE carries
 * tables above 255. {@code action} is an FR_ACT_* of {@link Fra}; {@code flags} holds FIB_RULE_INVERT ("not").
 */
public record FibRuleHdr(int family, int dstLen, int srcLen, int tos, int table, int res1, int res2, int action,
                         int flags) implements NetlinkStruct {

    public static final int SIZE = 12;

    public static FibRuleHdr parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "fib_rule_hdr", offset);
        return new FibRuleHdr(b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff,
                b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.getInt());
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.put((byte) family).put((byte) dstLen).put((byte) srcLen).put((byte) tos).put((byte) table)
                .put((byte) res1).put((byte) res2).put((byte) action).putInt(flags);
    }
}

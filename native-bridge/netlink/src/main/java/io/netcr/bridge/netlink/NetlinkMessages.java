package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes netlink message streams: what a netlink socket returns, and what CRIU keeps in
 * its ifaddr-N.img / route-N.img files after their magic. Pure Java, no native code.
 */
public final class NetlinkMessages {

    private NetlinkMessages() {
    }

    /**
     * Decodes every message from the buffer's position to its limit (native byte order), and leaves the
     * position at the limit. Throws {@link MalformedMessageException} naming the offset of any damage.
     */
    public static List<NetlinkMessage> parse(ByteBuffer buffer) {
        ByteBuffer b = buffer.slice().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> out = new ArrayList<>();
        while (b.hasRemaining()) {
            out.add(parseOne(b, buffer.position()));
        }
        buffer.position(buffer.limit());
        return out;
    }

    /** Decodes the one message at the buffer's position and moves past it (and its padding). */
    public static NetlinkMessage parseOne(ByteBuffer b, int base) {
        int start = b.position();
        int offset = base + start;
        if (b.remaining() < NlMsgHdr.SIZE) {
            throw new MalformedMessageException("truncated netlink header: " + b.remaining()
                    + " bytes, a header needs 16", offset);
        }
        NlMsgHdr h = NlMsgHdr.parse(b, offset);
        if (h.length() < NlMsgHdr.SIZE) {
            throw new MalformedMessageException("message length " + h.length() + " is less than its header",
                    offset);
        }
        if (h.length() > b.remaining() + NlMsgHdr.SIZE) {
            throw new MalformedMessageException("message of type " + h.type() + " announces " + h.length()
                    + " bytes, only " + (b.remaining() + NlMsgHdr.SIZE) + " present", offset);
        }
        int payloadLength = h.length() - NlMsgHdr.SIZE;
        ByteBuffer p = b.slice().order(ByteOrder.nativeOrder());
        p.limit(payloadLength);
        int at = offset + NlMsgHdr.SIZE;
        NetlinkMessage m = switch (h.type()) {
            // each struct is read before its attributes, which follow it
            case Nl.RTM_NEWLINK, Nl.RTM_DELLINK -> new NetlinkMessage.Link(h, IfInfoMsg.parse(p, at), attributes(p, h, at));
            case Nl.RTM_NEWADDR, Nl.RTM_DELADDR -> new NetlinkMessage.Addr(h, IfAddrMsg.parse(p, at), attributes(p, h, at));
            case Nl.RTM_NEWROUTE, Nl.RTM_DELROUTE -> new NetlinkMessage.Route(h, RtMsg.parse(p, at), attributes(p, h, at));
            case Nl.RTM_NEWNEIGH, Nl.RTM_DELNEIGH -> new NetlinkMessage.Neigh(h, NdMsg.parse(p, at), attributes(p, h, at));
            case Nl.RTM_NEWRULE, Nl.RTM_DELRULE -> new NetlinkMessage.Rule(h, FibRuleHdr.parse(p, at), attributes(p, h, at));
            case Nl.RTM_NEWNSID, Nl.RTM_DELNSID -> new NetlinkMessage.NsId(h, RtGenMsg.parse(p, at), attributes(p, h, at));
            case Nl.RTM_NEWQDISC, Nl.RTM_DELQDISC -> new NetlinkMessage.Qdisc(h, TcMsg.parse(p, at), attributes(p, h, at));
            case Nl.NLMSG_ERROR -> new NetlinkMessage.Error(h, NlMsgErr.parse(p, h, payloadLength, at));
            case Nl.NLMSG_DONE -> done(p, h, at);
            default -> {
                byte[] raw = new byte[payloadLength];
                p.get(raw);
                yield new NetlinkMessage.Other(h, raw);
            }
        };
        // The last message of a stream may lack its padding.
        b.position(Math.min(b.limit(), start + Nl.align(h.length())));
        return m;
    }

    /** Attributes after the fixed struct, which starts at the payload's beginning and is 4-aligned. */
    private static AttributeTree attributes(ByteBuffer p, NlMsgHdr h, int at) {
        int structEnd = Math.min(p.limit(), Nl.align(p.position()));
        p.position(structEnd);
        return AttributeTree.parse(p, p.remaining(), at + structEnd, where(h.type()));
    }

    /** "message type N", made once per type: it names the container only when an error is thrown. */
    private static final String[] WHERE = new String[128];

    private static String where(int type) {
        if (type < 0 || type >= WHERE.length) {
            return "message type " + type;
        }
        String w = WHERE[type];
        if (w == null) {
            w = "message type " + type; // a race makes an equal string twice: harmless
            WHERE[type] = w;
        }
        return w;
    }

    private static NetlinkMessage.Done done(ByteBuffer p, NlMsgHdr h, int at) {
        // A DONE from an old kernel may carry no error word at all.
        int error = p.remaining() >= 4 ? p.getInt() : 0;
        AttributeTree ack = h.has(Nl.NLM_F_ACK_TLVS) && p.hasRemaining()
                ? AttributeTree.parse(p, p.remaining(), at + 4, "extended ack of NLMSG_DONE")
                : new AttributeTree();
        return new NetlinkMessage.Done(h, error, ack);
    }

    /** Bytes a request of this struct and attributes takes. */
    public static int packedLength(NetlinkStruct body, AttributeTree attributes) {
        return NlMsgHdr.SIZE + Nl.align(body.size()) + (attributes == null ? 0 : attributes.packedLength());
    }

    /** Writes one message (header, struct, padding, attributes) at the buffer's position. */
    public static void pack(ByteBuffer b, int type, int flags, int seq, int portId, NetlinkStruct body,
                            AttributeTree attributes) {
        ByteBuffer out = b.order() == ByteOrder.nativeOrder() ? b : b.duplicate().order(ByteOrder.nativeOrder());
        int length = packedLength(body, attributes);
        new NlMsgHdr(length, type, flags, seq, portId).pack(out);
        body.pack(out);
        for (int i = body.size(); i < Nl.align(body.size()); i++) {
            out.put((byte) 0);
        }
        if (attributes != null) {
            attributes.pack(out);
        }
        if (out != b) {
            b.position(out.position());
        }
    }
}

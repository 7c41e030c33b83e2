package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * struct nlmsgerr, the payload of NLMSG_ERROR: a negative errno (0 for an ACK), the header of the
 * request it answers, and with NETLINK_EXT_ACK the kernel's extended-ack TLVs.
 *
 * @param error   0 or a negative errno
 * @param request the header of the request being answered
 * @param extAck  NLMSGERR_ATTR_* attributes (empty unless NLM_F_ACK_TLVS)
 */
public record NlMsgErr(int error, NlMsgHdr request, AttributeTree extAck) {

    /**
     * Parses the payload that follows an NLMSG_ERROR header of {@code outer}; {@code payloadLength} bytes
     * are available from the buffer's position, which is at stream offset {@code offset}.
     */
    public static NlMsgErr parse(ByteBuffer b, NlMsgHdr outer, int payloadLength, int offset) {
        int start = b.position();
        NetlinkStruct.require(b, 4 + NlMsgHdr.SIZE, "nlmsgerr", offset);
        if (payloadLength < 4 + NlMsgHdr.SIZE) {
            throw new MalformedMessageException("nlmsgerr needs 20 bytes, message holds " + payloadLength, offset);
        }
        int error = b.getInt();
        NlMsgHdr request = NlMsgHdr.parse(b, offset + 4);
        int consumed = 4 + NlMsgHdr.SIZE;
        if (!outer.has(Nl.NLM_F_CAPPED) && error != 0) {
            // The whole original request is echoed; skip its payload. Its length is a u32 of the reply, counted
            // in long: near 2^31 it would wrap negative in int and move the position backwards (found by fuzzing).
            long requested = Integer.toUnsignedLong(request.length());
            long echoed = ((Math.max(requested, NlMsgHdr.SIZE) + 3) & ~3L) - NlMsgHdr.SIZE;
            if (consumed + echoed > payloadLength) {
                throw new MalformedMessageException("nlmsgerr echoes a request of " + requested
                        + " bytes, more than the " + payloadLength + "-byte payload holds", offset);
            }
            b.position(b.position() + (int) echoed);
            consumed += (int) echoed;
        }
        AttributeTree acks = new AttributeTree();
        if (outer.has(Nl.NLM_F_ACK_TLVS) && payloadLength > consumed) {
            acks = AttributeTree.parse(b, payloadLength - consumed, offset + consumed, "extended ack");
        } else {
            b.position(start + payloadLength);
        }
        return new NlMsgErr(error, request, acks);
    }

    public boolean isAck() {
        return error == 0;
    }

    /** The kernel's sentence (NLMSGERR_ATTR_MSG), if it gave one. */
    public Optional<String> kernelMessage() {
        return extAck.string(Nl.NLMSGERR_ATTR_MSG).filter(s -> !s.isBlank());
    }
}

package io.netcr.bridge.rtnl;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the replies to one request, datagram by datagram, and decides when the answer is complete.
 * Kept apart from the socket so that its rules (sequence, port, errors, DUMP_INTR) are tested on bytes.
 */
final class ReplyCollector {

    private final String what;
    private final int seq;
    private final int portId;
    private final boolean dump;
    private final boolean ackWanted;
    private final List<NetlinkMessage> messages = new ArrayList<>();
    private boolean interrupted;
    private boolean complete;

    ReplyCollector(String what, int seq, int portId, int requestFlags) {
        this.what = what;
        this.seq = seq;
        this.portId = portId;
        this.dump = (requestFlags & Nl.NLM_F_DUMP) == Nl.NLM_F_DUMP;
        this.ackWanted = (requestFlags & Nl.NLM_F_ACK) != 0;
    }

    /**
     * Takes the messages of one datagram; returns true when the reply is complete. Throws for an error
     * reply, for a reply that is not ours, and (once complete) for an interrupted dump.
     */
    boolean accept(List<NetlinkMessage> datagram) throws java.io.IOException {
        for (NetlinkMessage m : datagram) {
            if (complete) {
                throw new NetlinkProtocolException(what + ": message of type " + m.header().type()
                        + " after the end of the reply");
            }
            if (m.header().seq() != seq || m.header().portId() != portId) {
                throw new NetlinkProtocolException(what + ": reply with sequence " + m.header().seq() + " and port "
                        + m.header().portId() + ", expected sequence " + seq + " and port " + portId);
            }
            interrupted |= m.header().has(Nl.NLM_F_DUMP_INTR);
            if (m instanceof NetlinkMessage.Error e) {
                if (!e.error().isAck()) {
                    throw new NetlinkErrorException(what, e.error().error(), e.error().kernelMessage().orElse(null));
                }
                complete = true;
            } else if (m instanceof NetlinkMessage.Done d) {
                if (d.error() < 0) {
                    throw new NetlinkErrorException(what + " (dump)", d.error(),
                            d.extAck().string(Nl.NLMSGERR_ATTR_MSG).orElse(null));
                }
                complete = true;
            } else {
                messages.add(m);
                if (!dump && !ackWanted && !m.header().has(Nl.NLM_F_MULTI)) {
                    complete = true;
                }
            }
        }
        if (complete && interrupted) {
            throw new DumpInterruptedException(what, messages);
        }
        return complete;
    }

    List<NetlinkMessage> messages() {
        return messages;
    }
}

package io.netcr.bridge.criu;

import io.netcr.bridge.netlink.MalformedMessageException;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * CRIU's raw netlink images, written by iproute2's {@code ip addr save} / {@code ip route save} /
 * {@code ip rule save}: a u32 magic, then netlink messages exactly as the kernel sent them. Decoded with
 * netcr's own codec ({@link NetlinkMessages}). A damaged message ends the stream (message lengths cannot
 * be trusted after it) with a diagnostic naming the file, the message number (from 1) and the byte offset.
 */
final class NetlinkImage {

    /** iproute2's {@code ip addr save} magic. */
    static final int IFADDR_MAGIC = 0x47361222;
    /** iproute2's {@code ip route save} magic. */
    static final int ROUTE_MAGIC = 0x45311224;
    /** iproute2's {@code ip rule save} magic. */
    static final int RULE_MAGIC = 0x71706986;

    /** One message, with its number in the file for subject paths. */
    record Message(int number, int offset, NetlinkMessage message) {
    }

    private NetlinkImage() {
    }

    /** The messages of a stream; an empty file is an empty stream (CRIU writes one for nothing to save). */
    static List<Message> read(String file, byte[] bytes, int magic, List<Diagnostic> problems) {
        List<Message> out = new ArrayList<>();
        if (bytes.length == 0) {
            return out;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        if (!ImageHeader.check(file, b, "an iproute2 save stream", problems, magic)) {
            return out;
        }
        ByteBuffer rest = b.slice().order(ByteOrder.nativeOrder());
        int number = 0;
        while (rest.hasRemaining()) {
            number++;
            int start = rest.position();
            int offset = 4 + start;
            try {
                out.add(new Message(number, offset, NetlinkMessages.parseOne(rest, 4)));
            } catch (MalformedMessageException | IllegalStateException | IndexOutOfBoundsException e) {
                // A message whose own length is sound (only its inside is damaged) is skipped, and the
                // messages after it are still read; a broken length leaves nothing to resynchronise on.
                int length = rest.limit() - start >= 4 ? rest.getInt(start) : -1;
                if (length >= 16 && length <= rest.limit() - start) {
                    problems.add(Diagnostic.warning(Errno.EBADMSG, ProtobufImage.record(file, number), Phase.READ,
                            "message " + number + " of " + file + " at byte " + offset + " is damaged: "
                                    + e.getMessage() + "; it is skipped, the messages after it are read"));
                    rest.position(Math.min(rest.limit(), start + ((length + 3) & ~3)));
                    continue;
                }
                problems.add(Diagnostic.error(Errno.EBADMSG, ProtobufImage.record(file, number), Phase.READ,
                        "message " + number + " of " + file + " at byte " + offset + " is damaged: " + e.getMessage()
                                + "; the rest of the file is not read"));
                break;
            }
        }
        return out;
    }
}

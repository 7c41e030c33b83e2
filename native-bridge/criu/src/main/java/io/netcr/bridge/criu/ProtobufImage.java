package io.netcr.bridge.criu;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The framing of CRIU's protobuf images: u32 {@link #IMG_COMMON_MAGIC}, u32 image magic, then entries of
 * [u32 length][message], in the dumping host's byte order (read here in this host's, as CRIU does).
 * Damage becomes diagnostics naming the file and entry ({@code file:netdev-9.img/record:3}, entries
 * counted from 1), never an exception; reading stops at a truncation, and skips an entry that does not
 * decode.
 */
final class ProtobufImage {

    static final int IMG_COMMON_MAGIC = 0x54564319;
    static final int NETDEV_MAGIC = 0x57373951;
    static final int NETNS_MAGIC = 0x55933752;

    /** A CRIU network entry is a few hundred bytes; a larger length means damage, not data. */
    static final int MAX_ENTRY_BYTES = 1 << 20;

    @FunctionalInterface
    interface Decoder<T> {
        T parse(byte[] body) throws InvalidProtocolBufferException;
    }

    /** One decoded entry, with its number (from 1) for subject paths. */
    record Entry<T>(int number, int offset, T message) {
    }

    private ProtobufImage() {
    }

    static SubjectPath record(String file, int number) {
        return SubjectPath.of(SubjectPath.FILE, file).child(SubjectPath.RECORD, Integer.toString(number));
    }

    static <T> List<Entry<T>> read(String file, byte[] bytes, int magic, String what, Decoder<T> decoder,
                                   List<Diagnostic> problems) {
        List<Entry<T>> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        if (!ImageHeader.check(file, b, "a CRIU " + what + " image", problems, IMG_COMMON_MAGIC, magic)) {
            return out;
        }
        int number = 0;
        while (b.hasRemaining()) {
            number++;
            int offset = b.position();
            SubjectPath rec = record(file, number);
            if (b.remaining() < 4) {
                problems.add(Diagnostic.error(Errno.EBADMSG, rec, Phase.READ, "entry " + number + " of " + file
                        + " is truncated at byte " + offset + ": " + b.remaining() + " bytes where its 4-byte length belongs"));
                break;
            }
            long length = b.getInt() & 0xffffffffL;
            if (length > MAX_ENTRY_BYTES) {
                problems.add(Diagnostic.error(Errno.EBADMSG, rec, Phase.READ, "entry " + number + " of " + file
                        + " at byte " + offset + " announces " + length + " bytes, more than the " + MAX_ENTRY_BYTES
                        + " a network entry can take; the rest of the file is not read"));
                break;
            }
            if (length > b.remaining()) {
                problems.add(Diagnostic.error(Errno.EBADMSG, rec, Phase.READ, "entry " + number + " of " + file
                        + " at byte " + offset + " announces " + length + " bytes, only " + b.remaining() + " remain"));
                break;
            }
            byte[] body = new byte[(int) length];
            b.get(body);
            try {
                out.add(new Entry<>(number, offset, decoder.parse(body)));
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                problems.add(Diagnostic.error(Errno.EBADMSG, rec, Phase.READ, "entry " + number + " of " + file
                        + " at byte " + offset + " is not a valid " + what + " message: " + e.getMessage()));
            }
        }
        return out;
    }
}

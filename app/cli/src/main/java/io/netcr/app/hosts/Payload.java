package io.netcr.app.hosts;

import io.netcr.app.protocol.Data;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.protocol.ProtocolException;
import io.netcr.model.Errno;
import java.io.ByteArrayOutputStream;

/** The data of one answer (an image), piece by piece, in order and within the protocol's bound. */
final class Payload {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int next;

    void add(Data d) throws ProtocolException {
        if (d.seq() != next) {
            throw new ProtocolException(Errno.EBADMSG, d.id(), "data piece " + d.seq() + " arrived where piece " + next
                    + " was due");
        }
        if (bytes.size() + (long) d.bytes().length > Protocol.MAX_PAYLOAD) {
            throw new ProtocolException(Errno.EFBIG, d.id(), "the data grows past " + Protocol.MAX_PAYLOAD + " bytes");
        }
        next++;
        bytes.write(d.bytes(), 0, d.bytes().length);
    }

    /** The whole payload, which must be {@code size} bytes long. */
    byte[] complete(long size) throws ProtocolException {
        if (bytes.size() != size) {
            throw new ProtocolException(Errno.EBADMSG, "the answer announced " + size + " bytes; " + bytes.size()
                    + " arrived");
        }
        return bytes.toByteArray();
    }
}

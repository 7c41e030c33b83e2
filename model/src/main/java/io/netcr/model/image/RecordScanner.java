package io.netcr.model.image;

import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.SubjectPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Checks the header, frames the records and checks the trailer (record count, CRC32C). It reads no
 * record body. Each step moves forward by at least one record header, so it ends on any input.
 */
final class RecordScanner {

    /** The framed records, without the trailer; {@code usable} is false when the header was refused. */
    record Scan(boolean usable, List<Frame> frames) {
    }

    private RecordScanner() {
    }

    static Scan scan(byte[] image, ReadMode mode, SubjectPath file, ReadLog log) {
        if (image.length < ImageFormat.HEADER_SIZE
                || !Arrays.equals(image, 0, ImageFormat.MAGIC.length, ImageFormat.MAGIC, 0, ImageFormat.MAGIC.length)) {
            log.error(Errno.EBADMSG, file, "not a netcr image: the file does not start with the image magic");
            return new Scan(false, List.of());
        }
        int version = u16(image, 8);
        if (version > ImageFormat.VERSION) {
            log.error(Errno.EINVAL, file, "image format version " + version + " is newer than this netcr reads "
                    + "(version " + ImageFormat.VERSION + "); read it with the netcr that wrote it, or a newer one");
            return new Scan(false, List.of());
        }
        if (version != ImageFormat.VERSION) {
            log.error(Errno.EPROTO, file, "image format version " + version + "; this reader knows version "
                    + ImageFormat.VERSION + " only");
            return new Scan(false, List.of());
        }
        int headerFlags = u16(image, 10);
        if (headerFlags != 0) {
            log.error(Errno.EPROTO, file, String.format("header flags 0x%04x: version 1 defines none", headerFlags));
        }
        List<Frame> frames = new ArrayList<>();
        int pos = ImageFormat.HEADER_SIZE;
        for (int index = 0; ; index++) {
            int left = image.length - pos;
            if (left < ImageFormat.RECORD_HEADER_SIZE) {
                log.error(Errno.EBADMSG, ReadLog.record(index), "the image ends at offset " + image.length + " after "
                        + index + " records, without a trailer: it is truncated");
                break;
            }
            int type = u16(image, pos);
            int flags = u16(image, pos + 2);
            long length = u32(image, pos + 4);
            long bodyLeft = left - ImageFormat.RECORD_HEADER_SIZE;
            Frame f = new Frame(index, pos, type, flags, pos + ImageFormat.RECORD_HEADER_SIZE,
                    (int) Math.min(pos + ImageFormat.RECORD_HEADER_SIZE + length, image.length));
            if (type == ImageFormat.TYPE_TRAILER) {
                checkTrailer(image, f, length, mode, log);
                break;
            }
            if (length > ImageFormat.MAX_BODY) {
                log.damage(Errno.EOVERFLOW, f, "the body claims " + length + " bytes; no record may exceed "
                        + ImageFormat.MAX_BODY + (length > bodyLeft ? "; the rest of the image (" + left
                        + " bytes) is not read" : "; the record is skipped"));
                if (length > bodyLeft) {
                    break;
                }
            } else if (length > bodyLeft) {
                log.damage(Errno.EBADMSG, f, "the body claims " + length + " bytes but only " + bodyLeft
                        + " remain: the image is truncated or the length is damaged; the rest is not read");
                break;
            } else {
                if ((flags & ~ImageFormat.KNOWN_RECORD_FLAGS) != 0) {
                    log.damage(Errno.EPROTO, f, String.format("record flags 0x%04x include bits version 1 does not"
                            + " define", flags));
                }
                frames.add(f);
            }
            pos = f.bodyEnd(); // at least RECORD_HEADER_SIZE further on: the loop ends
        }
        return new Scan(true, frames);
    }

    private static void checkTrailer(byte[] image, Frame f, long length, ReadMode mode, ReadLog log) {
        if (length != ImageFormat.TRAILER_BODY_SIZE || f.bodyStart() + length > image.length) {
            log.damage(Errno.EBADMSG, f, "the trailer must hold 8 bytes; it claims " + length + " and "
                    + (image.length - f.bodyStart()) + " remain");
            return;
        }
        long count = u32(image, f.bodyStart());
        if (count != f.index()) {
            log.damage(Errno.EBADMSG, f, "the trailer counts " + count + " records but " + f.index() + " precede it");
        }
        int crcAt = f.bodyStart() + 4;
        CRC32C crc = new CRC32C();
        crc.update(image, 0, crcAt);
        long stored = u32(image, crcAt);
        if (crc.getValue() != stored) {
            String msg = String.format("CRC32C of the image is %08x but the trailer says %08x: the file is damaged",
                    crc.getValue(), stored);
            if (mode == ReadMode.STRICT) {
                log.damage(Errno.EBADMSG, f, msg);
            } else {
                log.warning(Errno.EBADMSG, ReadLog.record(f.index()), ReadLog.where(f) + msg
                        + "; what could be read is shown");
            }
        }
        int end = crcAt + 4;
        if (end != image.length) {
            log.damage(Errno.EBADMSG, f, (image.length - end) + " bytes follow the trailer at offset " + end);
        }
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}

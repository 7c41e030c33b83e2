package io.netcr.bridge.criu;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The magic numbers that head every CRIU image, checked in one place: a protobuf image starts with the
 * common magic and its own ({@link ProtobufImage}), an iproute2 save stream with one ({@link NetlinkImage}),
 * all u32 in the dumping host's byte order. A file too short for them, or with others, is an EBADMSG error
 * naming the file, and none of it is read.
 */
final class ImageHeader {

    private ImageHeader() {
    }

    /**
     * Reads the magics at the buffer's position and compares them with {@code expected}. True when they
     * match, with the buffer after them; false, with a diagnostic added, when they do not.
     *
     * @param what what the file should be, for the message: "a CRIU netdev image", "an iproute2 save stream"
     */
    static boolean check(String file, ByteBuffer b, String what, List<Diagnostic> problems, int... expected) {
        SubjectPath where = SubjectPath.of(SubjectPath.FILE, file);
        int length = expected.length * 4;
        if (b.remaining() < length) {
            problems.add(Diagnostic.error(Errno.EBADMSG, where, Phase.READ, file + " is truncated: " + b.remaining()
                    + " bytes, where the " + length + " bytes of magic numbers of " + what + " belong"));
            return false;
        }
        int[] found = new int[expected.length];
        boolean same = true;
        for (int i = 0; i < expected.length; i++) {
            found[i] = b.getInt();
            same &= found[i] == expected[i];
        }
        if (!same) {
            problems.add(Diagnostic.error(Errno.EBADMSG, where, Phase.READ, file + " is not " + what + ": magic "
                    + hex(found) + ", expected " + hex(expected)));
        }
        return same;
    }

    private static String hex(int[] magics) {
        return IntStream.of(magics).mapToObj(m -> String.format("0x%08x", m)).collect(Collectors.joining(" "));
    }
}

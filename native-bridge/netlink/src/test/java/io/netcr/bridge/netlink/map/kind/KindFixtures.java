package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.HexFixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** Reads the IFLA_INFO_DATA sections of the kind_*.hex fixtures and packs what a codec writes. */
final class KindFixtures {

    private KindFixtures() {
    }

    /** The section whose title starts with {@code prefix}, as attributes. */
    static AttributeTree section(String file, String prefix) {
        ByteBuffer b = bytes(file, prefix);
        return AttributeTree.parse(b, b.remaining(), 0, file + " " + prefix);
    }

    static ByteBuffer bytes(String file, String prefix) {
        for (Map.Entry<String, ByteBuffer> e : HexFixtures.sections(file).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                return e.getValue().duplicate().order(ByteOrder.nativeOrder());
            }
        }
        throw new IllegalArgumentException("no section " + prefix + " in " + file);
    }

    static byte[] array(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** The bytes a codec writes for these settings (and, when {@code parent} > 0, the parent in its data). */
    static byte[] encoded(KindCodec codec, Map<String, String> config) {
        AttributeTree data = new AttributeTree();
        codec.encode(config, data);
        ByteBuffer b = ByteBuffer.allocate(data.packedLength()).order(ByteOrder.nativeOrder());
        data.pack(b);
        return b.array();
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x ", x));
        }
        return sb.toString().trim();
    }
}

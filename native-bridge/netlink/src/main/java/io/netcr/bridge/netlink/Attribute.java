package io.netcr.bridge.netlink;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One rtattr / nlattr: a type and a payload, or (when built) a nest of child attributes. A parsed
 * attribute keeps its payload as bytes; {@link #nested()} reads them as a tree on demand, because the
 * kernel does not always mark nests with NLA_F_NESTED.
 */
public final class Attribute {

    public static final int HEADER_SIZE = 4;
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    static final int TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

    // Numbers read in place, in host order as the kernel writes them: a refresh of a thousand namespaces
    // reads tens of thousands, and a ByteBuffer view per read was a tenth of its allocation.
    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final int type;
    /** The payload is data[start, start + length): a view into the received bytes, never copied. */
    private final byte[] data;
    private final int start;
    private final int size;
    private final int offset;
    private final AttributeTree children;

    private Attribute(int type, byte[] data, int start, int size, int offset, AttributeTree children) {
        this.type = type;
        this.data = data;
        this.start = start;
        this.size = size;
        this.offset = offset;
        this.children = children;
    }

    /** A leaf whose payload is {@code data[start, start + size)}; {@code offset} is its place in the stream. */
    static Attribute leaf(int type, byte[] data, int start, int size, int offset) {
        return new Attribute(type, data, start, size, offset, null);
    }

    static Attribute nest(int type, AttributeTree children) {
        return new Attribute(type, null, 0, 0, -1, children);
    }

    /** The attribute type without the NLA_F_NESTED / NLA_F_NET_BYTEORDER bits. */
    public int type() {
        return type & TYPE_MASK;
    }

    public boolean isNest() {
        return children != null;
    }

    /** Payload length in bytes, without header or padding. */
    public int length() {
        return children != null ? children.packedLength() : size;
    }

    public byte[] bytes() {
        requireLeaf();
        return Arrays.copyOfRange(data, start, start + size);
    }

    public int u8() {
        need(1);
        return data[start] & 0xff;
    }

    public int u16() {
        need(2);
        return (short) SHORT.get(data, start) & 0xffff;
    }

    /** A u32 as Java int (values above 2^31 come back negative; use {@link #u32Long} for those). */
    public int u32() {
        need(4);
        return (int) INT.get(data, start);
    }

    public long u32Long() {
        return u32() & 0xffffffffL;
    }

    public long u64() {
        need(8);
        return (long) LONG.get(data, start);
    }

    /** A NUL-terminated (or unterminated) string payload, UTF-8. */
    public String string() {
        requireLeaf();
        int end = start;
        while (end < start + size && data[end] != 0) {
            end++;
        }
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    /** The payload read as attributes; throws when they do not fit exactly. */
    public AttributeTree nested() {
        if (children != null) {
            return children;
        }
        return AttributeTree.parse(ByteBuffer.wrap(data, start, size).order(ByteOrder.nativeOrder()), size,
                offset, "nest of attribute type " + type());
    }

    void pack(ByteBuffer b) {
        int len = HEADER_SIZE + length();
        b.putShort((short) len);
        b.putShort((short) (children != null ? type | NLA_F_NESTED : type));
        if (children != null) {
            children.pack(b);
        } else {
            b.put(data, start, size);
        }
        for (int i = len; i < Nl.align(len); i++) {
            b.put((byte) 0);
        }
    }

    int packedLength() {
        return Nl.align(HEADER_SIZE + length());
    }

    private void requireLeaf() {
        if (data == null) {
            throw new IllegalStateException("attribute type " + type() + " is a nest, not a value");
        }
    }

    private void need(int n) {
        requireLeaf();
        if (size < n) {
            throw new MalformedMessageException("attribute type " + type() + " has " + size
                    + " bytes, needs " + n, offset);
        }
    }

    @Override
    public String toString() {
        return "Attribute[type=" + type() + ", length=" + length() + (isNest() ? ", nest" : "") + "]";
    }
}

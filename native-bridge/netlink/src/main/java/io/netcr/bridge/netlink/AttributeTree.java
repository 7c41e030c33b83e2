package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of attributes: what follows a message's fixed struct, or the inside of a nest.
 * Parsed trees are read-only in spirit; a tree being built grows with the {@code add} methods, and
 * {@link #addNest} returns the child tree so that nests are written the way they are read.
 */
public final class AttributeTree {

    private final List<Attribute> attributes;
    /** First attribute of each type, built on the first lookup: a link message holds ~40 and is asked ~12 times. */
    private Attribute[] byType;

    public AttributeTree() {
        this(10);
    }

    private AttributeTree(int expected) {
        attributes = new ArrayList<>(expected);
    }

    /**
     * Reads exactly {@code length} bytes of attributes from the buffer's position, advancing it.
     * {@code base} is the stream offset of the position, for messages; {@code where} names the container.
     */
    public static AttributeTree parse(ByteBuffer b, int length, int base, String where) {
        if (length > b.remaining()) {
            throw new MalformedMessageException(where + ": " + length + " bytes of attributes announced, only "
                    + b.remaining() + " present", base);
        }
        ByteBuffer in = b.slice().order(ByteOrder.nativeOrder());
        in.limit(length);
        if (!in.hasArray()) { // a direct buffer: copy once, attributes are views into an array
            byte[] copy = new byte[length];
            in.get(copy);
            in = ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder());
        }
        byte[] data = in.array();
        int arrayBase = in.arrayOffset();
        // Sized exactly by a first walk over the headers (the list grew four times in a link message).
        AttributeTree tree = new AttributeTree(count(data, arrayBase, length));
        while (in.remaining() > 0) {
            int at = in.position();
            if (in.remaining() < Attribute.HEADER_SIZE) {
                throw new MalformedMessageException(where + ": " + in.remaining()
                        + " trailing bytes, too short for an attribute header", base + at);
            }
            int len = in.getShort() & 0xffff;
            int type = in.getShort() & 0xffff;
            if (len < Attribute.HEADER_SIZE) {
                // A zero length would never advance: refuse instead of looping forever.
                throw new MalformedMessageException(where + ": attribute type " + (type & Attribute.TYPE_MASK)
                        + " has length " + len + ", less than its 4-byte header", base + at);
            }
            if (len > length - at) {
                throw new MalformedMessageException(where + ": attribute type " + (type & Attribute.TYPE_MASK)
                        + " has length " + len + " but only " + (length - at) + " bytes remain", base + at);
            }
            tree.attributes.add(Attribute.leaf(type, data, arrayBase + at + Attribute.HEADER_SIZE,
                    len - Attribute.HEADER_SIZE, base + at + Attribute.HEADER_SIZE));
            // The last attribute's padding may be missing; never step past the container.
            in.position(Math.min(length, at + Nl.align(len)));
        }
        b.position(b.position() + length);
        tree.index(); // now, on the thread that parses: assembly on other threads only reads it
        return tree;
    }

    /** How many attributes the headers announce; the real walk in {@link #parse} checks them. */
    private static int count(byte[] data, int from, int length) {
        int n = 0;
        int at = 0;
        while (length - at >= Attribute.HEADER_SIZE) {
            int len = (short) Attribute.SHORT.get(data, from + at) & 0xffff; // nla_len, host order
            n++;
            if (len < Attribute.HEADER_SIZE) {
                break; // the real walk refuses it
            }
            at += Nl.align(len);
        }
        return n;
    }

    public List<Attribute> all() {
        return Collections.unmodifiableList(attributes);
    }

    /** The first attribute of this type. */
    public Optional<Attribute> get(int type) {
        return Optional.ofNullable(find(type));
    }

    private Attribute[] index() {
        int max = -1;
        for (Attribute a : attributes) {
            max = Math.max(max, a.type());
        }
        Attribute[] index = new Attribute[max + 1];
        for (Attribute a : attributes) {
            if (index[a.type()] == null) {
                index[a.type()] = a;
            }
        }
        byType = index;
        return index;
    }

    /**
     * The first attribute of this type, or null. The Optional-returning accessors read better; these
     * plain ones serve the loops over thousands of messages in a refresh, whose code runs before the JIT
     * has learnt to take the Optionals away.
     */
    public Attribute find(int type) {
        Attribute[] index = byType;
        if (index == null) {
            index = index();
        }
        return type >= 0 && type < index.length ? index[type] : null;
    }

    public int u32Or(int type, int otherwise) {
        Attribute a = find(type);
        return a == null ? otherwise : a.u32();
    }

    public int u8Or(int type, int otherwise) {
        Attribute a = find(type);
        return a == null ? otherwise : a.u8();
    }

    public String stringOr(int type, String otherwise) {
        Attribute a = find(type);
        return a == null ? otherwise : a.string();
    }

    /** A copy of the payload, or null. */
    public byte[] bytesOrNull(int type) {
        Attribute a = find(type);
        return a == null ? null : a.bytes();
    }

    public AttributeTree nestedOrNull(int type) {
        Attribute a = find(type);
        return a == null ? null : a.nested();
    }

    public boolean has(int type) {
        return find(type) != null;
    }

    public Optional<String> string(int type) {
        return get(type).map(Attribute::string);
    }

    public Optional<Integer> u32(int type) {
        return get(type).map(Attribute::u32);
    }

    public Optional<Integer> u8(int type) {
        return get(type).map(Attribute::u8);
    }

    public Optional<byte[]> bytes(int type) {
        return get(type).map(Attribute::bytes);
    }

    public Optional<AttributeTree> nested(int type) {
        return get(type).map(Attribute::nested);
    }

    public AttributeTree add(int type, byte[] value) {
        byType = null;
        attributes.add(Attribute.leaf(type, value.clone(), 0, value.length, -1));
        return this;
    }

    public AttributeTree addU8(int type, int value) {
        return add(type, new byte[] {(byte) value});
    }

    public AttributeTree addU16(int type, int value) {
        return add(type, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) value).array());
    }

    public AttributeTree addU32(int type, int value) {
        return add(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** A NUL-terminated string, as the kernel expects names. */
    public AttributeTree addString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        return add(type, z);
    }

    /** Adds a nest and returns it, so its own attributes are added to it. */
    public AttributeTree addNest(int type) {
        AttributeTree child = new AttributeTree();
        byType = null;
        attributes.add(Attribute.nest(type, child));
        return child;
    }

    /** Adds a tree built on its own as a nest of this one (a kind's IFLA_INFO_DATA, added once known non-empty). */
    public AttributeTree addNest(int type, AttributeTree child) {
        byType = null;
        attributes.add(Attribute.nest(type, child));
        return child;
    }

    public int packedLength() {
        int n = 0;
        for (Attribute a : attributes) {
            n += a.packedLength();
        }
        return n;
    }

    public void pack(ByteBuffer b) {
        for (Attribute a : attributes) {
            a.pack(b);
        }
    }

    public int size() {
        return attributes.size();
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}

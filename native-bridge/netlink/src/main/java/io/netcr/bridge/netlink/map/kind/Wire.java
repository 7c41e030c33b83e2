package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.IpText;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one attribute's payload is a setting's text, both ways: host-order numbers (u8, u16, u32, s32),
 * network-order ones (be16, be32, be64: ports, keys, flow labels), u8 booleans, NLA_FLAG booleans (present
 * means true, and only true is sent), addresses, and numbers that stand for words. {@link #read} returns null
 * for a payload of the wrong size.
 */
abstract class Wire {

    abstract String read(Attribute a);

    abstract void write(AttributeTree into, int type, String value);

    /** Host-order unsigned integer of 1, 2 or 4 bytes. */
    static final Wire U8 = unsigned(1);
    static final Wire U16 = unsigned(2);
    static final Wire U32 = unsigned(4);
    /** Network-order unsigned integer of 2 or 4 bytes (ports, GRE keys and flags, flow labels). */
    static final Wire BE16 = bigEndian(2);
    static final Wire BE32 = bigEndian(4);
    static final Wire BE64 = bigEndian(8);

    static final Wire S32 = new Wire() {
        String read(Attribute a) {
            return a.length() == 4 ? Integer.toString(a.u32()) : null;
        }

        void write(AttributeTree into, int type, String value) {
            into.addU32(type, Integer.parseInt(value));
        }
    };

    /** A u8 that is 0 or 1 (anything else reads as true, as the kernel's nla_get_u8 tests do). */
    static final Wire BOOL = new Wire() {
        String read(Attribute a) {
            return a.length() == 1 ? Boolean.toString(a.u8() != 0) : null;
        }

        void write(AttributeTree into, int type, String value) {
            into.addU8(type, Boolean.parseBoolean(value) ? 1 : 0);
        }
    };

    /** NLA_FLAG: no payload; present means true. Only true is written (a zero-length attribute). */
    static final Wire FLAG = new Wire() {
        String read(Attribute a) {
            return "true";
        }

        void write(AttributeTree into, int type, String value) {
            if (Boolean.parseBoolean(value)) {
                into.add(type, new byte[0]);
            }
        }
    };

    /**
     * A u8 boolean sent only when true: the kernel counts the attribute's presence, whatever its value, for
     * something else (IFLA_VXLAN_REMCSUM_RX marks the remote checksum bits of the header as used, which then
     * collide with the reserved bits a dump reports).
     */
    static final Wire BOOL_SENT_IF_TRUE = new Wire() {
        String read(Attribute a) {
            return BOOL.read(a);
        }

        void write(AttributeTree into, int type, String value) {
            if (Boolean.parseBoolean(value)) {
                into.addU8(type, 1);
            }
        }
    };

    /** A u8 boolean in the dump that the kernel takes as NLA_FLAG on creation (IFLA_VXLAN_TTL_INHERIT). */
    static final Wire BOOL_READ_FLAG_WRITE = new Wire() {
        String read(Attribute a) {
            return BOOL.read(a);
        }

        void write(AttributeTree into, int type, String value) {
            FLAG.write(into, type, value);
        }
    };

    static final Wire IPV4 = address(4);
    static final Wire IPV6 = address(16);

    static final Wire MAC = new Wire() {
        String read(Attribute a) {
            return a.length() == 6 ? RtnlWords.mac(a.bytes()) : null;
        }

        void write(AttributeTree into, int type, String value) {
            into.add(type, mac(value));
        }
    };

    /** A number of 1, 2 or 4 bytes (host order) whose values stand for words: word i for value i. */
    static Wire words(int size, String... words) {
        Map<Long, String> m = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) {
            m.put((long) i, words[i]);
        }
        return named(unsigned(size), m);
    }

    /** A number read by {@code numeric} whose values stand for words; a value without a word reads as null. */
    static Wire named(Wire numeric, Map<Long, String> words) {
        return new Wire() {
            String read(Attribute a) {
                String v = numeric.read(a);
                return v == null ? null : words.get(Long.parseUnsignedLong(v));
            }

            void write(AttributeTree into, int type, String value) {
                for (Map.Entry<Long, String> e : words.entrySet()) {
                    if (e.getValue().equals(value)) {
                        numeric.write(into, type, Long.toUnsignedString(e.getKey()));
                        return;
                    }
                }
                throw new IllegalArgumentException("no number stands for '" + value + "'");
            }
        };
    }

    private static Wire unsigned(int size) {
        return new Wire() {
            String read(Attribute a) {
                if (a.length() != size) {
                    return null;
                }
                return switch (size) {
                    case 1 -> Integer.toString(a.u8());
                    case 2 -> Integer.toString(a.u16());
                    default -> Long.toString(a.u32Long());
                };
            }

            void write(AttributeTree into, int type, String value) {
                long v = Long.parseLong(value);
                switch (size) {
                    case 1 -> into.addU8(type, (int) v);
                    case 2 -> into.addU16(type, (int) v);
                    default -> into.addU32(type, (int) v);
                }
            }
        };
    }

    private static Wire bigEndian(int size) {
        return new Wire() {
            String read(Attribute a) {
                if (a.length() != size) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(a.bytes()).order(ByteOrder.BIG_ENDIAN);
                return switch (size) {
                    case 2 -> Integer.toString(b.getShort() & 0xFFFF);
                    case 4 -> Long.toString(b.getInt() & 0xFFFF_FFFFL);
                    default -> Long.toUnsignedString(b.getLong());
                };
            }

            void write(AttributeTree into, int type, String value) {
                into.add(type, bigEndianBytes(Long.parseUnsignedLong(value), size));
            }
        };
    }

    private static Wire address(int size) {
        return new Wire() {
            String read(Attribute a) {
                return a.length() == size ? IpText.format(a.bytes()) : null;
            }

            void write(AttributeTree into, int type, String value) {
                into.add(type, IpText.parse(value).orElseThrow());
            }
        };
    }

    static byte[] bigEndianBytes(long v, int size) {
        byte[] b = new byte[size];
        for (int i = size - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    static byte[] mac(String text) {
        return RtnlWords.macBytes(text);
    }
}

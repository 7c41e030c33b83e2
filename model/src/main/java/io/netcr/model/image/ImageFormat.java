package io.netcr.model.image;

/**
 * The numbers of the .netcr image format, version 2 (described for other tools in docs/image-format.md).
 * All integers are big-endian (network order). Version 2 is version 1 plus fields at the end of each route
 * entry and the record types of a namespace's state (32-37); a reader of version 2 reads version 1 images.
 */
final class ImageFormat {

    /**
     * PNG-style magic: a high byte (catches 7-bit transfers), "NCR", CR LF (catches line-ending
     * conversion), ^Z (stops a DOS "type"), LF.
     */
    static final byte[] MAGIC = {(byte) 0x89, 'N', 'C', 'R', '\r', '\n', 0x1a, '\n'};
    static final int VERSION = 2;
    /** The oldest version this reader reads: images of every version from it to {@link #VERSION} open. */
    static final int OLDEST_VERSION = 1;
    /** magic, u16 version, u16 flags. */
    static final int HEADER_SIZE = 12;
    /** u16 type, u16 flags, u32 body length. */
    static final int RECORD_HEADER_SIZE = 8;

    /** Record flag: a reader that does not know the type may skip the record. */
    static final int FLAG_SKIPPABLE = 0x0001;
    static final int KNOWN_RECORD_FLAGS = FLAG_SKIPPABLE;

    static final int TYPE_SOURCE = 1;
    static final int TYPE_NAMESPACE = 2;
    static final int TYPE_DEVICE = 3;
    static final int TYPE_ADDRESSES = 4;
    static final int TYPE_ROUTES = 5;
    static final int TYPE_DIAGNOSTIC = 6;
    /** A device's kind settings and IPv6 address generation mode (skippable: an older reader loses only those). */
    static final int TYPE_LINK = 7;
    /** A namespace's state beyond devices and routes (version 2; see {@link StateRecords}). */
    static final int TYPE_STATE = 32;
    static final int TYPE_RULES = 33;
    static final int TYPE_NEIGHBOURS = 34;
    static final int TYPE_SYSCTLS = 35;
    static final int TYPE_DEVICE_SYSCTLS = 36;
    static final int TYPE_FIREWALL = 37;
    static final int TYPE_TRAILER = 0xFFFF;
    /** u32 record count, u32 CRC32C. */
    static final int TRAILER_BODY_SIZE = 8;

    /** A record body above this is damage, not data: a real one is a few KiB at most. */
    static final int MAX_BODY = 1 << 20;
    /** A whole image above this is refused before it is read into memory. */
    static final long MAX_IMAGE = 256L << 20;
    /** A string's u16 length; this value means null. */
    static final int NULL_STRING = 0xFFFF;
    static final int MAX_STRING = 0xFFFE;

    /** Address families, as the kernel numbers them. */
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    /** Device flags byte. */
    static final int DEV_UP = 0x01;
    static final int DEV_SKIPPED = 0x02;
    static final int KNOWN_DEV_FLAGS = DEV_UP | DEV_SKIPPED;

    /** Namespace flags byte. */
    static final int NS_INIT = 0x01;

    /** Device reference tags (peer, parent). */
    static final int REF_NONE = 0;
    static final int REF_OBJECT = 1;
    static final int REF_EXTERNAL = 2;
    static final int REF_UNRESOLVED = 3;

    /** LINK record: the address generation mode is not known. */
    static final int ADDR_GEN_MODE_UNKNOWN = 0xFF;

    /** A hardware address has at most MAX_ADDR_LEN bytes. */
    static final int MAX_MAC = 32;

    private ImageFormat() {
    }

    static String typeName(int type) {
        return switch (type) {
            case TYPE_SOURCE -> "source";
            case TYPE_NAMESPACE -> "namespace";
            case TYPE_DEVICE -> "device";
            case TYPE_ADDRESSES -> "addresses";
            case TYPE_ROUTES -> "routes";
            case TYPE_DIAGNOSTIC -> "diagnostic";
            case TYPE_LINK -> "link";
            case TYPE_STATE -> "state";
            case TYPE_RULES -> "rules";
            case TYPE_NEIGHBOURS -> "neighbours";
            case TYPE_SYSCTLS -> "sysctls";
            case TYPE_DEVICE_SYSCTLS -> "device sysctls";
            case TYPE_FIREWALL -> "firewall";
            case TYPE_TRAILER -> "trailer";
            default -> "type " + type;
        };
    }
}

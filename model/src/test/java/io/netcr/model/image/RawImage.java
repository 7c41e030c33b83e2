package io.netcr.model.image;

import java.util.zip.CRC32C;

/**
 * Crafts images record by record, including ones the writer would refuse to produce: dangling
 * references, names the kernel refuses, lying lengths. The header and trailer (count, CRC32C) are
 * right unless a test says otherwise, so that each test exercises one problem.
 */
final class RawImage {

    private final ByteSink records = new ByteSink();
    private int count;
    /** The record count the trailer claims; -1 for the true one. */
    private long claimedCount = -1;

    static RawImage create() {
        return new RawImage();
    }

    RawImage source(int initRef) {
        return record(ImageFormat.TYPE_SOURCE, 0, new ByteSink().u32(initRef).string("host").string("6.8")
                .u8(0).string("test").toByteArray());
    }

    RawImage namespace(int ref, String id, boolean init, String... names) {
        ByteSink b = new ByteSink().u32(ref).string(id).u8(init ? ImageFormat.NS_INIT : 0).u32(names.length);
        for (String n : names) {
            b.string(n);
        }
        return record(ImageFormat.TYPE_NAMESPACE, 0, b.u32(0).u32(0).toByteArray());
    }

    /** A veth that is up, with a 6-byte MAC; {@code peerRef} 0 means no peer, {@code masterRef} 0 no master. */
    RawImage device(int ref, int nsRef, int ifindex, String name, int masterRef, int peerRef) {
        ByteSink b = new ByteSink().u32(ref).u32(nsRef).u32(ifindex).string(name).string("veth")
                .u8(6).bytes(new byte[] {2, 0, 0, 0, 0, (byte) ifindex}).u32(1500).u8(ImageFormat.DEV_UP)
                .string("up").u32(masterRef);
        if (peerRef == 0) {
            b.u8(ImageFormat.REF_NONE);
        } else {
            b.u8(ImageFormat.REF_OBJECT).u32(peerRef);
        }
        return record(ImageFormat.TYPE_DEVICE, 0, b.u8(ImageFormat.REF_NONE).u32(0).toByteArray());
    }

    /** {@code n} distinct IPv4 addresses 10.x.y.z/16 on one device. */
    RawImage addresses(int devRef, int n) {
        ByteSink b = new ByteSink().u32(devRef).u32(n);
        for (int i = 0; i < n; i++) {
            b.u8(ImageFormat.AF_INET).u8(4).bytes(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i})
                    .u8(16).u8(0).u32(0x80).string(null);
        }
        return record(ImageFormat.TYPE_ADDRESSES, 0, b.toByteArray());
    }

    /** One address (raw bytes, any family number, any prefix length) on a device. */
    RawImage address(int devRef, int af, byte[] ip, int prefixlen) {
        ByteSink b = new ByteSink().u32(devRef).u32(1).u8(af).u8(ip.length).bytes(ip).u8(prefixlen).u8(0).u32(0x80)
                .string(null);
        return record(ImageFormat.TYPE_ADDRESSES, 0, b.toByteArray());
    }

    /** One main-table route of a namespace, its destination written as given ("default" or "prefix/len"). */
    RawImage route(int nsRef, int af, String destination) {
        ByteSink b = new ByteSink().u32(nsRef).u32(1).u8(af).string(destination).string(null).string(null).u32(0)
                .string("static").string("global").string("unicast").string(null)
                .string("main").u8(0).u32(0).string(null).u32(0); // version 2: table, tos, flags, pref, metrics
        return record(ImageFormat.TYPE_ROUTES, 0, b.toByteArray());
    }

    /** A namespace record whose name count claims {@code declared} names but that holds none of them. */
    RawImage namespaceClaiming(int ref, String id, long declared) {
        ByteSink b = new ByteSink().u32(ref).string(id).u8(0).u32(declared).u32(0).u32(0);
        return record(ImageFormat.TYPE_NAMESPACE, 0, b.toByteArray());
    }

    /** The trailer will claim this many records, whatever the image holds. */
    RawImage claimCount(long n) {
        claimedCount = n;
        return this;
    }

    RawImage record(int type, int flags, byte[] body) {
        records.u16(type).u16(flags).u32(body.length).bytes(body);
        count++;
        return this;
    }

    /** A record header claiming {@code length} body bytes, followed by no body at all. */
    RawImage lyingHeader(int type, long length) {
        records.u16(type).u16(0).u32(length);
        count++;
        return this;
    }

    byte[] bytes() {
        ByteSink all = new ByteSink().bytes(ImageFormat.MAGIC).u16(ImageFormat.VERSION).u16(0)
                .bytes(records.toByteArray())
                .u16(ImageFormat.TYPE_TRAILER).u16(0).u32(ImageFormat.TRAILER_BODY_SIZE).u32(claimedCount < 0 ? count : claimedCount);
        CRC32C crc = new CRC32C();
        byte[] before = all.toByteArray();
        crc.update(before, 0, before.length);
        return all.u32(crc.getValue()).toByteArray();
    }
}

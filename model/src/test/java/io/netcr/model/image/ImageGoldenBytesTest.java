package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The smallest useful image, byte by byte, as docs/image-format.md shows it: if this test fails, the
 * format changed, and the document (and the version number) must change with it.
 */
class ImageGoldenBytesTest {

    private static final String GOLDEN = String.join("",
            "894e43520d0a1a0a", // magic
            "0002", "0000", // version 2, header flags
            // record 0: source
            "0001", "0000", "0000000b", // type 1, flags, body length 11
            "00000000", // init namespace ref: none
            "ffff", "ffff", // host: null, kernel: null
            "00", // no time
            "ffff", // tool: null
            // record 1: namespace
            "0002", "0000", "00000019", // type 2, flags, length 25
            "00000001", // objref 1
            "0001", "72", // id "r"
            "00", // flags: not init
            "00000001", "0003", "726564", // 1 name: "red"
            "00000000", // 0 holders
            "00000000", // 0 properties
            // record 2: device
            "0003", "0000", "00000033", // type 3, flags, length 51
            "00000002", "00000001", // objref 2, in namespace 1
            "00000001", // ifindex 1
            "0002", "6c6f", // name "lo"
            "0008", "6c6f6f706261636b", // kind "loopback"
            "00", // no hardware address
            "00010000", // mtu 65536
            "01", // flags: up
            "0007", "756e6b6e6f776e", // operstate "unknown"
            "00000000", // master: none
            "00", "00", // peer: none, parent: none
            "00000000", // 0 properties
            // record 3: addresses
            "0004", "0000", "00000016", // type 4, flags, length 22
            "00000002", "00000001", // device 2, 1 address
            "02", "04", "7f000001", // AF_INET, 4 bytes, 127.0.0.1
            "08", "00", "00000000", // /8, scope global, no flags
            "ffff", // label: null
            // trailer
            "ffff", "0000", "00000008", // type 0xFFFF, flags, length 8
            "00000004", // 4 records precede it
            "2816d732"); // CRC32C of every byte above

    static Snapshot tiny() {
        Device lo = Device.builder(1, "lo", Device.LOOPBACK).mtu(65536).up(true).operstate("unknown")
                .addresses(List.of(Address.of("127.0.0.1/8"))).build();
        Namespace red = new Namespace("r", List.of("red"), List.of(), false, List.of(lo), List.of(), Map.of());
        return new Snapshot(new Source(Source.IMAGE, null, null, null, "tiny.netcr", null), List.of(red), List.of());
    }

    @Test
    void should_write_the_documented_bytes() {
        assertEquals(GOLDEN, HexFormat.of().formatHex(ImageWriter.toBytes(tiny())));
    }

    @Test
    void should_read_the_documented_bytes() {
        ReadResult r = ImageReader.read(HexFormat.of().parseHex(GOLDEN), ReadMode.STRICT, "tiny.netcr");
        assertEquals(List.of(), r.diagnostics());
        assertEquals(tiny(), r.snapshot());
        assertArrayEquals(HexFormat.of().parseHex(GOLDEN), ImageWriter.toBytes(r.snapshot()));
    }
}

package io.netcr.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Severity;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The LINK record (type 7, skippable): a device's kind settings and IPv6 address generation mode, written
 * after the device records, byte by byte as docs/image-format.md §4.7 shows it.
 */
class LinkRecordTest {

    /** The record of a vxlan's {@code id 42} with mode {@code none}, for the device with objref 2. */
    private static final String LINK = String.join("",
            "0007", "0001", "00000011", // type 7, flags SKIPPABLE, body length 17
            "00000002", // device ref: objref 2
            "01", // address generation mode 1: none
            "00000001", // 1 setting
            "0002", "6964", "0002", "3432"); // "id" = "42"

    private static Snapshot withConfig(LinkConfig config) {
        Device vx = Device.builder(1, "vx0", "vxlan").mac("02:00:0a:fa:00:01").mtu(1450).up(true)
                .addresses(List.of(Address.of("10.250.0.9/24"))).config(config).build();
        Namespace ns = new Namespace("r", List.of("red"), List.of(), false, List.of(vx), List.of(), Map.of());
        return new Snapshot(new Source(Source.IMAGE, null, null, null, "t.netcr", null), List.of(ns), List.of());
    }

    @Test
    void should_write_a_link_record_after_the_devices_and_read_it_back() {
        Snapshot s = withConfig(LinkConfig.of(Map.of("id", "42"), "none"));
        String hex = HexFormat.of().formatHex(ImageWriter.toBytes(s));
        int device = hex.indexOf("0003000000");
        int link = hex.indexOf(LINK);
        int addresses = hex.indexOf("0004000000");
        assertTrue(device >= 0 && device < link && link < addresses, hex);
        ReadResult r = ImageReader.read(ImageWriter.toBytes(s), ReadMode.STRICT, "t.netcr");
        assertEquals(List.of(), r.diagnostics());
        assertEquals(s, r.snapshot());
    }

    @Test
    void should_write_no_link_record_for_a_device_without_settings() {
        String hex = HexFormat.of().formatHex(ImageWriter.toBytes(withConfig(LinkConfig.NONE)));
        assertEquals(-1, hex.indexOf("00070001"), "an image of devices without settings is as before");
        Snapshot unknownMode = withConfig(LinkConfig.of(Map.of("id", "42"), null));
        String unknown = HexFormat.of().formatHex(ImageWriter.toBytes(unknownMode));
        assertTrue(unknown.contains("00000002" + "ff" + "00000001"), "mode 255: not known");
        assertEquals(unknownMode, ImageReader.read(ImageWriter.toBytes(unknownMode), ReadMode.STRICT, "t.netcr").snapshot());
    }

    @Test
    void should_lose_only_a_damaged_link_record_and_say_why() {
        byte[] img = RawImage.create().source(0).namespace(1, "r", false, "red").device(2, 1, 2, "v0", 0, 0)
                .record(ImageFormat.TYPE_LINK, ImageFormat.FLAG_SKIPPABLE, HexFormat.of().parseHex("00000002" + "07"
                        + "00000000"))
                .bytes();
        ReadResult r = ImageReader.read(img, ReadMode.SALVAGE, "t");
        assertNotNull(r.snapshot());
        Diagnostic d = r.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertEquals(Errno.EINVAL, d.code());
        assertTrue(d.message().contains("address generation mode 7 is not one of 0..3 or 255"), d.message());
        assertEquals(LinkConfig.NONE, r.snapshot().namespaces().get(0).devices().get(0).config());
    }

    @Test
    void should_drop_a_link_record_that_names_no_device() {
        byte[] img = RawImage.create().source(0).namespace(1, "r", false, "red")
                .record(ImageFormat.TYPE_LINK, ImageFormat.FLAG_SKIPPABLE, HexFormat.of().parseHex("00000009" + "00"
                        + "00000000"))
                .bytes();
        ReadResult r = ImageReader.read(img, ReadMode.SALVAGE, "t");
        assertTrue(r.diagnostics().stream().anyMatch(x -> x.code() == Errno.EINVAL
                && x.message().contains("device ref 9 names no device")), r.diagnostics().toString());
    }
}

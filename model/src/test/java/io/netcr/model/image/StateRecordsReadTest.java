package io.netcr.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.NamespaceState;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Route;
import io.netcr.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * What docs/image-format.md §3.1, §4 and §4.8-4.13 say a reader does with the state records and with a
 * version-1 image, held to crafted images: a version-1 route entry, a state type in a version-1 image, a
 * STATE record's flags, a firewall's format, a record naming no namespace, a second record of one type.
 */
class StateRecordsReadTest {

    /** The image with another version in its header, its CRC32C made right again. */
    private static byte[] asVersion(byte[] img, int version) {
        byte[] b = img.clone();
        b[8] = (byte) (version >> 8);
        b[9] = (byte) version;
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        long v = crc.getValue();
        for (int i = 0; i < 4; i++) {
            b[b.length - 4 + i] = (byte) (v >>> (24 - 8 * i));
        }
        return b;
    }

    private static RawImage red() {
        return RawImage.create().source(0).namespace(1, "r", false, "red");
    }

    private static Diagnostic only(ReadResult r, Errno code) {
        List<Diagnostic> errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(code, errors.get(0).code(), errors.toString());
        return errors.get(0);
    }

    @Test
    void should_read_a_version_1_route_entry_with_the_main_table_and_no_later_fields() {
        byte[] entry = new ByteSink().u32(1).u32(1).u8(ImageFormat.AF_INET).string("10.250.9.0/24").string(null)
                .string(null).u32(0).string("static").string("global").string("blackhole").string(null).toByteArray();
        byte[] img = asVersion(red().record(ImageFormat.TYPE_ROUTES, 0, entry).bytes(), 1);
        ReadResult r = ImageReader.read(img, ReadMode.STRICT, "v1");
        assertEquals(List.of(), r.diagnostics());
        Route route = r.snapshot().namespaces().get(0).routes().get(0);
        assertEquals(new Route("inet", "10.250.9.0/24", null, null, 0, "static", "global", "blackhole", null, "main", 0,
                List.of(), null, Map.of()), route);
        assertNull(r.snapshot().namespaces().get(0).state(), "a version-1 image records no state");
        assertEquals(Errno.EBADMSG, only(ImageReader.read(asVersion(img, 2), ReadMode.SALVAGE, "v2"), Errno.EBADMSG)
                .code(), "the same entry is too short for version 2");
    }

    @Test
    void should_call_a_state_type_in_a_version_1_image_an_unknown_type_not_marked_skippable() {
        byte[] img = asVersion(red().record(ImageFormat.TYPE_STATE, 0, StateRecords.state(1)).bytes(), 1);
        ReadResult strict = ImageReader.read(img, ReadMode.STRICT, "v1");
        assertNull(strict.snapshot());
        Diagnostic d = only(strict, Errno.ENOSYS);
        assertTrue(d.message().contains("unknown record type, not marked skippable"), d.message());
        assertNotNull(ImageReader.read(asVersion(img, 2), ReadMode.STRICT, "v2").snapshot(), "version 2 knows it");
    }

    @Test
    void should_tell_a_recorded_empty_state_from_none() {
        ReadResult r = ImageReader.read(red().record(ImageFormat.TYPE_STATE, 0, StateRecords.state(1)).bytes(),
                ReadMode.STRICT, "t");
        assertEquals(NamespaceState.EMPTY, r.snapshot().namespaces().get(0).state());
        assertNull(ImageReader.read(red().bytes(), ReadMode.STRICT, "t").snapshot().namespaces().get(0).state());
    }

    @Test
    void should_lose_a_state_record_with_undefined_flags_and_a_firewall_of_another_format() {
        byte[] flags = red().record(ImageFormat.TYPE_STATE, 0, new ByteSink().u32(1).u32(1).toByteArray()).bytes();
        assertTrue(only(ImageReader.read(flags, ReadMode.SALVAGE, "t"), Errno.EINVAL).message()
                .contains("state flags 0x1 include undefined bits"));
        byte[] format = red().record(ImageFormat.TYPE_FIREWALL, 0, new ByteSink().u32(1).u8(0).string("nft-text")
                .u32(2).bytes("{}".getBytes()).toByteArray()).bytes();
        ReadResult r = ImageReader.read(format, ReadMode.SALVAGE, "t");
        assertTrue(only(r, Errno.EINVAL).message().contains("firewall format 'nft-text' at offset"));
        assertNull(r.snapshot().namespaces().get(0).state(), "the only state record is lost");
    }

    @Test
    void should_drop_a_state_record_naming_no_namespace_and_a_second_of_one_type() {
        byte[] sysctls = StateRecords.sysctls(Map.of("ipv4/ip_forward", "1"), 1);
        byte[] img = red().record(ImageFormat.TYPE_SYSCTLS, 0, sysctls)
                .record(ImageFormat.TYPE_SYSCTLS, 0, StateRecords.sysctls(Map.of("ipv4/ip_forward", "0"), 1))
                .record(ImageFormat.TYPE_RULES, 0, StateRecords.rules(List.of(), 9)).bytes();
        ReadResult r = ImageReader.read(img, ReadMode.SALVAGE, "t");
        List<Diagnostic> errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(Set.of(Errno.EINVAL, Errno.EEXIST), Set.copyOf(errors.stream().map(Diagnostic::code).toList()),
                errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.message().contains("namespace ref 9 names no namespace; the record "
                + "is dropped")), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.message().contains("a second sysctls record for the same namespace "
                + "'r' (record 2 is used); it is dropped")), errors.toString());
        assertEquals(Map.of("ipv4/ip_forward", "1"), r.snapshot().namespaces().get(0).state().sysctls());
    }

    @Test
    void should_decode_a_record_with_undefined_flag_bits_after_reporting_them() {
        byte[] img = red().record(ImageFormat.TYPE_STATE, 0x0002, StateRecords.state(1)).bytes();
        ReadResult r = ImageReader.read(img, ReadMode.SALVAGE, "t");
        assertTrue(only(r, Errno.EPROTO).message().contains("record flags 0x0002 include bits version 2 does not define"));
        assertEquals(NamespaceState.EMPTY, r.snapshot().namespaces().get(0).state(), "the record is still read");
    }
}

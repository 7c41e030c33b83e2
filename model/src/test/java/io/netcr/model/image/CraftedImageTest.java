package io.netcr.model.image;

import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Severity;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made bad images, each refused with a diagnostic that names the problem and the object. */
class CraftedImageTest {

    /** A good base: namespace 1 "red" with veth0 (ref 10, ifindex 2) and veth1 (ref 11, ifindex 3) as peers. */
    private static RawImage red() {
        return RawImage.create().source(0).namespace(1, "ns-red", false, "red")
                .device(10, 1, 2, "veth0", 0, 11).device(11, 1, 3, "veth1", 0, 10);
    }

    @Test
    void the_base_image_is_accepted() {
        ReadResult r = ImageReader.read(red().bytes(), ReadMode.STRICT, "t");
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
        assertEquals(2, r.snapshot().namespaces().get(0).devices().size());
    }

    @Test
    void should_refuse_a_namespace_name_that_climbs_out_of_run_netns() {
        byte[] img = RawImage.create().source(0).namespace(1, "ns-x", false, "../../etc/x").bytes();
        Diagnostic d = refusedWith(img, Errno.EINVAL);
        assertEquals("../../etc/x", d.subject().valueOf(SubjectPath.NETNS));
        assertTrue(d.message().contains("'/'"), d.message());
    }

    @Test
    void should_refuse_a_device_name_longer_than_ifnamsiz() {
        byte[] img = RawImage.create().source(0).namespace(1, "ns-red", false, "red")
                .device(10, 1, 2, "abcdefghijklmnopqrst", 0, 0).bytes();
        Diagnostic d = refusedWith(img, Errno.ENAMETOOLONG);
        assertEquals(SubjectPath.parse("netns:red/dev:abcdefghijklmnopqrst"), d.subject());
    }

    @Test
    void should_drop_a_device_whose_namespace_reference_names_nothing() {
        byte[] img = red().device(12, 99, 4, "stray", 0, 0).bytes();
        Diagnostic d = refusedWith(img, Errno.EINVAL);
        assertEquals(SubjectPath.parse("record:4/dev:stray"), d.subject());
        assertTrue(d.message().contains("namespace ref 99 names no object"), d.message());
        ReadResult salvage = ImageReader.read(img, ReadMode.SALVAGE, "t");
        Namespace ns = salvage.snapshot().namespaces().get(0);
        assertEquals(List.of("veth0", "veth1"), ns.devices().stream().map(Device::name).collect(Collectors.toList()));
        assertTrue(salvage.snapshot().diagnostics().contains(d), "salvage shows what was lost in the snapshot");
    }

    @Test
    void should_refuse_an_init_reference_that_names_a_device_or_nothing() {
        for (int initRef : new int[] {10, 77}) {
            byte[] img = RawImage.create().source(initRef).namespace(1, "ns-red", false, "red")
                    .device(10, 1, 2, "veth0", 0, 0).bytes();
            Diagnostic d = refusedWith(img, Errno.EINVAL);
            assertEquals(SubjectPath.parse("record:0"), d.subject());
            assertTrue(d.message().contains("init namespace ref " + initRef), d.message());
        }
    }

    @Test
    void should_refuse_a_peer_that_does_not_point_back_and_salvage_it_as_unresolved() {
        // veth0 -> veth1, but veth1 <-> veth2
        byte[] img = RawImage.create().source(0).namespace(1, "ns-red", false, "red")
                .device(10, 1, 2, "veth0", 0, 11).device(11, 1, 3, "veth1", 0, 12).device(12, 1, 4, "veth2", 0, 11)
                .bytes();
        Diagnostic d = refusedWith(img, Errno.EINVAL);
        assertEquals(SubjectPath.parse("netns:red/dev:veth0"), d.subject());
        assertTrue(d.message().contains("does not name this device"), d.message());
        Namespace ns = ImageReader.read(img, ReadMode.SALVAGE, "t").snapshot().namespaces().get(0);
        assertFalse(ns.device("veth0").orElseThrow().peer().isResolved());
        assertEquals(3, ns.device("veth0").orElseThrow().peer().ifindex());
        assertEquals("veth2", ns.device("veth1").orElseThrow().peer().name());
        assertEquals("veth1", ns.device("veth2").orElseThrow().peer().name());
    }

    @Test
    void should_report_a_record_claiming_4_gib_without_allocating_it() {
        byte[] img = red().lyingHeader(ImageFormat.TYPE_DEVICE, 0xFFFF_FFFFL).bytes();
        Diagnostic d = refusedWith(img, Errno.EOVERFLOW);
        assertEquals(SubjectPath.parse("record:4"), d.subject());
        assertTrue(d.message().contains("4294967295"), d.message());
        ReadResult salvage = ImageReader.read(img, ReadMode.SALVAGE, "t");
        assertEquals(2, salvage.snapshot().namespaces().get(0).devices().size(), "what precedes it is kept");
    }

    @Test
    void should_skip_an_unknown_skippable_record_with_an_info() {
        byte[] img = red().record(0x7001, ImageFormat.FLAG_SKIPPABLE, new byte[] {1, 2, 3}).bytes();
        ReadResult r = ImageReader.read(img, ReadMode.STRICT, "t");
        assertNotNull(r.snapshot(), r.diagnostics()::toString);
        assertEquals(1, r.diagnostics().size());
        assertEquals(Severity.INFO, r.diagnostics().get(0).severity());
        assertEquals(Errno.ENOSYS, r.diagnostics().get(0).code());
        assertEquals(SubjectPath.parse("record:4"), r.diagnostics().get(0).subject());
    }

    @Test
    void should_refuse_an_unknown_record_that_is_not_skippable() {
        byte[] img = red().record(0x7001, 0, new byte[] {1, 2, 3}).bytes();
        assertEquals(SubjectPath.parse("record:4"), refusedWith(img, Errno.ENOSYS).subject());
    }

    @Test
    void should_refuse_duplicate_objrefs() {
        byte[] img = red().namespace(10, "ns-blue", false, "blue").bytes();
        Diagnostic d = refusedWith(img, Errno.EEXIST);
        assertTrue(d.message().contains("objref 10 is already used by record"), d.message());
        assertEquals(SubjectPath.parse("record:4"), d.subject(), "the later record loses the objref");
    }

    @Test
    void should_refuse_more_addresses_than_the_limit_with_e2big() {
        byte[] img = red().addresses(10, 4097).bytes();
        Diagnostic d = refusedWith(img, Errno.E2BIG);
        assertEquals(SubjectPath.parse("netns:red/dev:veth0"), d.subject());
        ReadResult ok = ImageReader.read(red().addresses(10, 4096).bytes(), ReadMode.STRICT, "t");
        assertFalse(ok.hasErrors(), "4096 is allowed");
        ReadResult salvage = ImageReader.read(red().addresses(10, 5).bytes(), ReadMode.SALVAGE, "t",
                Limits.defaults().withMaxAddressesPerDevice(3));
        assertEquals(3, salvage.snapshot().namespaces().get(0).device("veth0").orElseThrow().addresses().size());
    }

    @Test
    void should_refuse_a_master_in_another_namespace() {
        byte[] img = red().namespace(2, "ns-blue", false, "blue").device(20, 2, 2, "br0", 0, 0)
                .device(21, 1, 9, "port", 20, 0).bytes();
        Diagnostic d = refusedWith(img, Errno.EINVAL);
        assertEquals(SubjectPath.parse("netns:red/dev:port"), d.subject());
        assertTrue(d.message().contains("another namespace"), d.message());
    }

    @Test
    void should_refuse_bad_utf8_in_a_name() {
        ByteSink body = new ByteSink().u32(1).u16(3).bytes(new byte[] {'n', (byte) 0xC3, 'x'}).u8(0).u32(0).u32(0).u32(0);
        byte[] img = RawImage.create().source(0).record(ImageFormat.TYPE_NAMESPACE, 0, body.toByteArray()).bytes();
        assertEquals(SubjectPath.parse("record:1"), refusedWith(img, Errno.EILSEQ).subject());
    }

    @Test
    void should_refuse_an_unknown_version_and_a_foreign_file() {
        byte[] img = red().bytes();
        img[9] = 0;
        assertEquals(Errno.EPROTO, ImageReader.read(img, ReadMode.SALVAGE, "t").diagnostics().get(0).code());
        img[9] = 2;
        Diagnostic newer = ImageReader.read(img, ReadMode.SALVAGE, "t").diagnostics().get(0);
        assertEquals(Errno.EINVAL, newer.code(), "a newer image is EINVAL, naming its version");
        assertTrue(newer.message().startsWith("image format version 2 is newer than this netcr reads (version 1)"),
                newer.message());
        ReadResult json = ImageReader.read("{\"namespaces\": []}".getBytes(), ReadMode.SALVAGE, "t.json");
        assertNull(json.snapshot());
        assertEquals(Errno.EBADMSG, json.diagnostics().get(0).code());
        assertEquals(SubjectPath.parse("file:t.json"), json.diagnostics().get(0).subject());
    }

    @Test
    void should_report_every_problem_in_strict_mode_not_only_the_first() {
        byte[] img = RawImage.create().source(77).namespace(1, "ns-x", false, "..")
                .device(10, 1, 2, "a b", 0, 0).device(10, 1, 3, "dup", 0, 0).addresses(99, 1).bytes();
        ReadResult r = ImageReader.read(img, ReadMode.STRICT, "t");
        assertNull(r.snapshot());
        List<Errno> codes = r.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toList());
        assertTrue(codes.containsAll(List.of(Errno.EINVAL, Errno.EEXIST)), codes::toString);
        assertTrue(r.diagnostics().size() >= 5, r.diagnostics()::toString); // init, dup objref, addr ref, '..', 'a b'
    }

    @Test
    void should_read_thirty_thousand_paired_devices_without_quadratic_lookups() {
        RawImage raw = RawImage.create().source(0).namespace(1, "ns-big", false, "big");
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            int ref = 10 + i;
            raw.device(ref, 1, i + 1, "v" + i, 0, i % 2 == 0 ? ref + 1 : ref - 1);
        }
        byte[] img = raw.bytes();
        ReadResult r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> ImageReader.read(img, ReadMode.STRICT, "t"));
        assertTrue(r.diagnostics().isEmpty(), () -> r.diagnostics().subList(0, Math.min(3, r.diagnostics().size())).toString());
        assertEquals(n, r.snapshot().namespaces().get(0).devices().size());
    }

    /** Strict mode refuses the image; the diagnostic with this code is returned (the first such). */
    private static Diagnostic refusedWith(byte[] img, Errno code) {
        ReadResult r = ImageReader.read(img, ReadMode.STRICT, "t");
        assertNull(r.snapshot(), () -> "accepted: " + r.diagnostics());
        return r.diagnostics().stream().filter(d -> d.code() == code && d.isError()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " error in " + r.diagnostics()));
    }
}

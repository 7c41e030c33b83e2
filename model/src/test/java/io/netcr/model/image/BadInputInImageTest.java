package io.netcr.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import io.netcr.model.fuzz.ReaderContract;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Bad names and numbers at the image boundary (issue 16, "bad input, named"): each is refused in strict mode
 * with one diagnostic whose code says what is wrong and whose subject names the object, and a count the file
 * declares costs nothing until the bytes are there.
 */
class BadInputInImageTest {

    @ParameterizedTest(name = "a namespace name with {0}")
    @MethodSource("io.netcr.model.testing.BadNames#namespaceNames")
    void should_refuse_a_namespace_name(String what, String name, Errno code) {
        byte[] img = RawImage.create().source(0).namespace(1, "ns-x", false, name).bytes();
        Diagnostic d = refused(img);
        assertEquals(code, d.code(), d::toString);
        assertEquals(SubjectPath.of(SubjectPath.NETNS, name), d.subject());
    }

    @Test
    void should_accept_a_namespace_name_of_255_bytes() {
        byte[] img = RawImage.create().source(0).namespace(1, "ns-x", false, "n".repeat(255)).bytes();
        assertEquals(List.of(), ImageReader.read(img, ReadMode.STRICT, "t").diagnostics());
    }

    @Test
    void should_refuse_a_device_name_of_16_bytes_and_take_15() {
        Diagnostic d = refused(red().device(12, 1, 4, "abcdefghijklmnop", 0, 0).bytes());
        assertEquals(Errno.ENAMETOOLONG, d.code());
        assertEquals(SubjectPath.parse("netns:red/dev:abcdefghijklmnop"), d.subject());
        assertEquals(List.of(), ImageReader.read(red().device(12, 1, 4, "abcdefghijklmno", 0, 0).bytes(),
                ReadMode.STRICT, "t").diagnostics());
    }

    @Test
    void should_refuse_an_address_prefix_over_32_for_inet_and_over_128_for_inet6() {
        Diagnostic v4 = refused(red().address(10, ImageFormat.AF_INET, new byte[] {10, (byte) 250, 0, 1}, 33).bytes());
        assertEquals(Errno.EINVAL, v4.code());
        assertEquals(SubjectPath.parse("record:4"), v4.subject(), "the address list record");
        assertTrue(v4.message().contains("prefix length 33"), v4.message());
        Diagnostic v6 = refused(red().address(10, ImageFormat.AF_INET6, new byte[16], 129).bytes());
        assertTrue(v6.message().contains("prefix length 129"), v6.message());
    }

    @Test
    void should_refuse_a_route_prefix_over_32_for_inet_and_over_128_for_inet6() {
        Diagnostic v4 = refused(red().route(1, ImageFormat.AF_INET, "10.250.0.0/33").bytes());
        assertEquals(Errno.EINVAL, v4.code());
        assertEquals(SubjectPath.parse("netns:red/route:10.250.0.0/33"), v4.subject());
        Diagnostic v6 = refused(red().route(1, ImageFormat.AF_INET6, "fd00:250::/129").bytes());
        assertEquals(SubjectPath.parse("netns:red/route:fd00:250::/129"), v6.subject());
    }

    @Test
    void should_refuse_duplicate_namespace_names_and_device_names() {
        Diagnostic ns = refused(red().namespace(2, "ns-other", false, "red").bytes());
        assertEquals(Errno.EEXIST, ns.code());
        assertTrue(ns.message().contains("namespace name 'red'"), ns.message());
        Diagnostic dev = refused(red().device(12, 1, 4, "veth0", 0, 0).bytes());
        assertEquals(Errno.EEXIST, dev.code());
        assertEquals(SubjectPath.parse("netns:red/dev:veth0"), dev.subject());
    }

    @Test
    void should_refuse_100000_declared_namespace_names_in_a_small_record_without_allocating_for_them() {
        byte[] liar = RawImage.create().source(0).namespaceClaiming(1, "ns-x", 100_000).bytes();
        byte[] honest = RawImage.create().source(0).namespaceClaiming(1, "ns-x", 1).bytes();
        Diagnostic d = refused(liar);
        assertEquals(Errno.EOVERFLOW, d.code());
        assertTrue(d.message().contains("names count 100000"), d.message());
        long forLiar = ReaderContract.allocation(() -> ImageReader.read(liar, ReadMode.STRICT, "t"));
        long forHonest = ReaderContract.allocation(() -> ImageReader.read(honest, ReadMode.STRICT, "t"));
        // 100000 list slots alone would be 400 kB; a read of this image allocates a few kB either way.
        assertTrue(forLiar < forHonest + (64 << 10), forLiar + " bytes against " + forHonest);
    }

    @Test
    void should_refuse_a_trailer_that_claims_100000_records() {
        Diagnostic d = refused(red().claimCount(100_000).bytes());
        assertTrue(d.message().contains("100000"), d.message());
    }

    /** Base: namespace 1 "red" with veth0 (ref 10, ifindex 2) and veth1 (ref 11, ifindex 3) as peers. */
    private static RawImage red() {
        return RawImage.create().source(0).namespace(1, "ns-red", false, "red")
                .device(10, 1, 2, "veth0", 0, 11).device(11, 1, 3, "veth1", 0, 10);
    }

    /** Read in strict mode under the readers' contract: refused, with exactly one error, which is returned. */
    private static Diagnostic refused(byte[] img) {
        ReadResult r = ReaderContract.check(img.length, () -> ImageReader.read(img, ReadMode.STRICT, "t"));
        assertNull(r.snapshot(), "refused");
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }
}

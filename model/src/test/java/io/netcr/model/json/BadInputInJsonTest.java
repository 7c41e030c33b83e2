package io.netcr.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import io.netcr.model.fuzz.ReaderContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad names and numbers at the JSON boundary (issue 16, "bad input, named"): each is refused in strict mode
 * with one diagnostic whose code says what is wrong and whose subject names the object; a file listing more
 * namespaces than the limit is refused before one of them is built.
 */
class BadInputInJsonTest {

    @ParameterizedTest(name = "a namespace name with {0}")
    @MethodSource("io.netcr.model.testing.BadNames#namespaceNames")
    void should_refuse_a_namespace_name(String what, String name, Errno code) {
        Diagnostic d = refused("{\"namespaces\":[{\"id\":\"x\",\"names\":[" + quote(name) + "]}]}");
        assertEquals(code, d.code(), d::toString);
        assertEquals(SubjectPath.of(SubjectPath.NETNS, name), d.subject());
    }

    @Test
    void should_refuse_a_device_name_of_16_bytes() {
        Diagnostic d = refused(red("{\"name\":\"abcdefghijklmnop\"}", ""));
        assertEquals(Errno.ENAMETOOLONG, d.code());
        assertEquals(SubjectPath.parse("netns:red/dev:abcdefghijklmnop"), d.subject());
    }

    @Test
    void should_refuse_an_address_prefix_over_32_for_inet_and_over_128_for_inet6() {
        Diagnostic v4 = refused(red("{\"name\":\"eth0\",\"addresses\":[{\"address\":\"10.250.0.1\",\"prefixlen\":33}]}", ""));
        assertEquals(Errno.EINVAL, v4.code());
        assertEquals(SubjectPath.parse("netns:red/dev:eth0/addr:10.250.0.1/33"), v4.subject());
        Diagnostic v6 = refused(red("{\"name\":\"eth0\",\"addresses\":[{\"address\":\"fd00:250::1\",\"prefixlen\":129}]}",
                ""));
        assertEquals(SubjectPath.parse("netns:red/dev:eth0/addr:fd00:250::1/129"), v6.subject());
        assertTrue(v6.message().contains("0..128"), v6.message());
    }

    @Test
    void should_refuse_a_route_prefix_over_32_for_inet_and_over_128_for_inet6() {
        Diagnostic v4 = refused(red("", "{\"dst\":\"10.250.0.0/33\"}"));
        assertEquals(Errno.EINVAL, v4.code());
        assertEquals(SubjectPath.parse("netns:red/route:10.250.0.0/33"), v4.subject());
        Diagnostic v6 = refused(red("", "{\"dst\":\"fd00:250::/129\"}"));
        assertEquals(SubjectPath.parse("netns:red/route:fd00:250::/129"), v6.subject());
    }

    @Test
    void should_refuse_duplicate_namespace_names_and_device_names() {
        Diagnostic ns = refused("{\"namespaces\":[{\"id\":\"a\",\"names\":[\"red\"]},{\"id\":\"b\",\"names\":[\"red\"]}]}");
        assertEquals(Errno.EEXIST, ns.code());
        assertEquals(SubjectPath.parse("netns:red"), ns.subject());
        Diagnostic dev = refused(red("{\"name\":\"eth0\"},{\"name\":\"eth0\"}", ""));
        assertEquals(Errno.EEXIST, dev.code());
        assertEquals(SubjectPath.parse("netns:red/dev:eth0"), dev.subject());
    }

    @Test
    void should_refuse_100000_namespaces_before_building_one() {
        byte[] json = ("{\"namespaces\":[" + "{},".repeat(99_999) + "{}]}").getBytes(StandardCharsets.UTF_8);
        ReadResult r = ReaderContract.check(json.length, () -> SnapshotJson.read(json, ReadMode.SALVAGE, "t"));
        assertNull(r.snapshot(), "refused even in salvage mode");
        assertEquals(1, r.diagnostics().size(), "not one 'id is missing' per namespace: they are never looked at");
        assertEquals(Errno.E2BIG, r.diagnostics().get(0).code());
        assertTrue(r.diagnostics().get(0).message().contains("100000 namespaces"), r.diagnostics()::toString);
    }

    /** Namespace "red" with these devices and routes (JSON object lists, without brackets). */
    private static String red(String devices, String routes) {
        return "{\"namespaces\":[{\"id\":\"r\",\"names\":[\"red\"],\"devices\":[" + devices + "],\"routes\":[" + routes
                + "]}]}";
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** Read in strict mode under the readers' contract: refused, with exactly one error, which is returned. */
    private static Diagnostic refused(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ReadResult r = ReaderContract.check(bytes.length, () -> SnapshotJson.read(bytes, ReadMode.STRICT, "t"));
        assertNull(r.snapshot(), "refused");
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }
}

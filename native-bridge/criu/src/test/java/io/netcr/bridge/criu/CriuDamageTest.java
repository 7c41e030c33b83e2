package io.netcr.bridge.criu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Severity;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged copies of the real dump: every one gives diagnostics that name the file, never an exception or a hang. */
class CriuDamageTest {

    static CriuFiles sample;

    @BeforeAll
    static void load() {
        List<Diagnostic> problems = new ArrayList<>();
        sample = CriuFiles.fromDirectory(CriuSamples.vethExternal(), problems);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    static CriuFiles with(String file, byte[] content) {
        Map<String, byte[]> m = new HashMap<>(sample.files());
        m.put(file, content);
        return new CriuFiles("damaged", m);
    }

    static List<Diagnostic> aboutFile(ReadResult r, String file) {
        return r.diagnostics().stream().filter(d -> d.subject().toString().startsWith("file:" + file)).toList();
    }

    /** Offsets where a protobuf image may end cleanly: after its header and after each entry. */
    static Set<Integer> protobufBoundaries(byte[] b) {
        Set<Integer> s = new TreeSet<>();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        int at = 8;
        s.add(at);
        while (at + 4 <= b.length) {
            at += 4 + buf.getInt(at);
            s.add(at);
        }
        return s;
    }

    /** Offsets where a netlink image may end cleanly: empty, after its magic, after each message. */
    static Set<Integer> netlinkBoundaries(byte[] b) {
        Set<Integer> s = new TreeSet<>(List.of(0, 4));
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        int at = 4;
        while (at + 4 <= b.length) {
            at += (buf.getInt(at) + 3) & ~3;
            s.add(Math.min(at, b.length));
        }
        return s;
    }

    @Test
    void should_diagnose_every_truncation_of_netdev() {
        byte[] full = sample.get("netdev-9.img");
        Set<Integer> clean = protobufBoundaries(full);
        for (int cut = 0; cut <= full.length; cut++) {
            CriuFiles damaged = with("netdev-9.img", Arrays.copyOf(full, cut));
            ReadResult strict = CriuDumpReader.read(damaged, ReadMode.STRICT);
            ReadResult salvage = CriuDumpReader.read(damaged, ReadMode.SALVAGE);
            List<Diagnostic> errors = aboutFile(salvage, "netdev-9.img").stream().filter(Diagnostic::isError).toList();
            if (clean.contains(cut)) {
                assertTrue(errors.isEmpty(), "cut " + cut + ": " + errors);
            } else {
                assertFalse(errors.isEmpty(), "cut " + cut + " went unnoticed");
                assertNull(strict.snapshot(), "strict mode refuses a damaged image");
                assertEquals(strict.diagnostics().size(), salvage.diagnostics().size(), "strict lists every diagnostic");
                assertNotNull(salvage.snapshot(), "salvage keeps what could be read");
                assertTrue(errors.get(0).subject().toString().startsWith(cut < 8 ? "file:netdev-9.img" : "file:netdev-9.img/record:"),
                        errors.get(0).subject()::toString);
            }
        }
    }

    @Test
    void should_diagnose_every_truncation_of_ifaddr() {
        byte[] full = sample.get("ifaddr-9.img");
        Set<Integer> clean = netlinkBoundaries(full);
        for (int cut = 0; cut <= full.length; cut++) {
            ReadResult salvage = CriuDumpReader.read(with("ifaddr-9.img", Arrays.copyOf(full, cut)), ReadMode.SALVAGE);
            List<Diagnostic> errors = aboutFile(salvage, "ifaddr-9.img").stream().filter(Diagnostic::isError).toList();
            assertEquals(!clean.contains(cut), !errors.isEmpty(), "cut " + cut + ": " + errors);
            assertNotNull(salvage.snapshot());
            assertEquals(2, salvage.snapshot().namespaces().get(0).devices().size(), "devices survive damaged addresses");
        }
    }

    @Test
    void should_survive_every_flipped_byte() {
        for (String file : List.of("netdev-9.img", "ifaddr-9.img", "route-9.img", "route6-9.img", "netns-9.img",
                "rule-9.img")) {
            byte[] full = sample.get(file);
            for (int i = 0; i < full.length; i++) {
                byte[] b = full.clone();
                b[i] ^= (byte) 0xff;
                ReadResult r = CriuDumpReader.read(with(file, b), ReadMode.SALVAGE);
                assertNotNull(r.snapshot(), file + " byte " + i);
                for (Diagnostic d : r.diagnostics()) {
                    // errors name the damaged file; the snapshot validator may add its own on the objects read
                    assertTrue(d.subject().toString().startsWith("file:" + file)
                            || d.subject().toString().startsWith("netns:criu:netns-9")
                            || d.severity() != Severity.ERROR, file + " byte " + i + ": " + d);
                }
            }
        }
    }

    @Test
    void should_refuse_a_wrong_magic_naming_the_file() {
        byte[] b = sample.get("netdev-9.img").clone();
        b[4] = 0;
        ReadResult r = CriuDumpReader.read(with("netdev-9.img", b), ReadMode.STRICT);
        assertNull(r.snapshot());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Errno.EBADMSG, d.code());
        assertEquals("file:netdev-9.img", d.subject().toString());
        assertTrue(d.message().contains("not a CRIU netdev image"), d.message());

        byte[] route = sample.get("route-9.img").clone();
        route[0] = 0x22; // the ifaddr magic's first byte
        Diagnostic rd = CriuDumpReader.read(with("route-9.img", route), ReadMode.STRICT).diagnostics().get(0);
        assertEquals("file:route-9.img", rd.subject().toString());
    }

    @Test
    void should_refuse_an_oversize_entry_length() {
        byte[] b = sample.get("netdev-9.img").clone();
        ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).putInt(8, 0x7fffffff);
        ReadResult r = CriuDumpReader.read(with("netdev-9.img", b), ReadMode.SALVAGE);
        Diagnostic d = aboutFile(r, "netdev-9.img").get(0);
        assertEquals("file:netdev-9.img/record:1", d.subject().toString());
        assertTrue(d.message().contains("announces 2147483647 bytes"), d.message());
    }

    @Test
    void should_warn_about_an_unknown_link_type_and_keep_the_device() {
        byte[] b = sample.get("netdev-9.img").clone();
        assertEquals(0x08, b[12]); // field 1 (type), varint
        b[13] = 99;
        ReadResult r = CriuDumpReader.read(with("netdev-9.img", b), ReadMode.STRICT);
        assertNotNull(r.snapshot(), "an unknown type is a warning, not an error");
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Errno.ENOSYS, d.code());
        assertEquals("file:netdev-9.img/record:1", d.subject().toString());
        Device lo = r.snapshot().namespaces().get(0).device("lo").orElseThrow();
        assertEquals("", lo.kind());
        assertEquals("99", lo.properties().get("criu.type"));
    }

    @Test
    void should_leave_out_a_device_with_ifindex_0_naming_the_record() {
        byte[] b = sample.get("netdev-9.img").clone();
        assertEquals(0x10, b[14]); // field 2 (ifindex) of entry 1, varint 1
        b[15] = 0;
        ReadResult r = CriuDumpReader.read(with("netdev-9.img", b), ReadMode.SALVAGE);
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("file:netdev-9.img/record:1", d.subject().toString());
        assertTrue(d.message().contains("ifindex 0"), d.message());
        assertEquals(List.of("ck0"), r.snapshot().namespaces().get(0).devices().stream().map(Device::name).toList());
    }

    @Test
    void should_refuse_a_directory_that_is_not_a_dump(@TempDir Path empty) {
        ReadResult r = CriuDumpReader.read(empty, ReadMode.SALVAGE);
        assertNull(r.snapshot());
        assertEquals(Errno.ENOENT, r.diagnostics().get(0).code());
        assertTrue(r.diagnostics().get(0).message().contains("no CRIU network images"));
        assertFalse(CriuDumpReader.looksLikeDump(empty));
        assertTrue(CriuDumpReader.looksLikeDump(CriuSamples.vethExternal()));
    }
}

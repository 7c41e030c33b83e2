package io.netcr.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.Firewall;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hex dumps of docs/image-format.md §5 are what {@link ImageWriter} writes for the snapshots described there,
 * byte for byte, and read back strictly to the same snapshots: the document cannot drift from the code again
 * (its example once kept saying "version 1" and an old CRC after the format moved to version 2). A dump is every
 * fenced block of the page that starts with the magic; each line's bytes are its leading two-digit hex tokens,
 * the rest of the line is the comment. The prose before each dump states its size, which is checked too.
 */
class DocumentedExamplesTest {

    private static final Pattern SIZE = Pattern.compile("(\\d+) bytes");

    /** §5.1: one namespace {@code red} (id {@code r}) with lo and 127.0.0.1/8; no time, host or tool. */
    static Snapshot tiny() {
        return ImageGoldenBytesTest.tiny();
    }

    /**
     * §5.2: a namespace {@code red} (id {@code r}) as a checkpoint records it: a dummy device with a LINK record, a
     * blackhole route in table 100 (a version 2 route entry), and its state: one rule, one permanent neighbour,
     * one sysctl, one device sysctl and a one-table firewall.
     */
    static Snapshot stateful() {
        Device d0 = Device.builder(2, "d0", "dummy").mac("02:00:0a:fa:00:01").mtu(1500).up(true).operstate("unknown")
                .config(LinkConfig.of(Map.of(), "none")).build();
        Route blackhole = new Route("inet", "10.250.9.0/24", null, null, 0, "static", "global", "blackhole", null, "100",
                0, List.of(), null, Map.of());
        PolicyRule rule = new PolicyRule("inet", 100, new PolicyRule.Selector(false, "10.250.0.0/16", null, 0, null,
                null, null, null, false, null, null, null, null, null), PolicyRule.Action.lookup(100), null, Map.of());
        Neighbour neighbour = new Neighbour("inet", "10.250.0.2", "d0", "02:00:0a:fa:00:02", List.of("PERMANENT"),
                List.of());
        Firewall firewall = new Firewall("{\"nftables\":[{\"table\":{\"family\":\"inet\",\"name\":\"f\",\"handle\":1}}]}",
                false);
        NamespaceState state = new NamespaceState(List.of(rule), List.of(neighbour), Map.of("ipv4/ip_forward", "1"),
                Map.of("d0", Map.of("ipv4/conf/forwarding", "1")), firewall);
        Namespace red = new Namespace("r", List.of("red"), List.of(), false, List.of(d0), List.of(blackhole), Map.of(),
                state);
        return new Snapshot(new Source(Source.IMAGE, null, null, null, "state.netcr", null), List.of(red), List.of());
    }

    @Test
    void should_write_the_documents_examples_byte_for_byte_and_read_them_back() throws IOException {
        String doc = Files.readString(repo().resolve("docs/image-format.md"));
        List<Dump> dumps = dumps(doc);
        List<Snapshot> described = List.of(tiny(), stateful());
        assertEquals(described.size(), dumps.size(), "docs/image-format.md should hold one hex dump per example");
        for (int n = 0; n < dumps.size(); n++) {
            int i = n;
            Dump d = dumps.get(i);
            byte[] written = ImageWriter.toBytes(described.get(i));
            int at = Arrays.mismatch(written, d.bytes());
            assertEquals(-1, at, () -> "example " + (i + 1) + " of docs/image-format.md is not what ImageWriter writes:"
                    + " from byte " + at + " the page has " + tail(d.bytes(), at) + ", the writer " + tail(written, at));
            assertEquals(written.length, d.statedSize(), "example " + (i + 1) + ": the size the text states");
            ReadResult r = ImageReader.read(d.bytes(), ReadMode.STRICT, described.get(i).source().path());
            assertEquals(List.of(), r.diagnostics(), "example " + (i + 1) + " reads without a diagnostic");
            assertEquals(described.get(i), r.snapshot(), "example " + (i + 1) + " reads back as it was written");
        }
    }

    @Test
    void should_find_every_byte_of_a_dump_line_and_none_of_its_comment() {
        List<Dump> dumps = dumps("A 10 bytes image:\n\n```\n89 4e 43 52  0d 0a   magic, 2 of it\n  ff ff  ok\n```\n");
        assertEquals(1, dumps.size());
        assertEquals("894e43520d0affff", HexFormat.of().formatHex(dumps.get(0).bytes()));
        assertEquals(10, dumps.get(0).statedSize());
    }

    record Dump(byte[] bytes, int statedSize) {
    }

    /** Up to 16 bytes from {@code at}, as hex, to show where a dump and the writer part. */
    private static String tail(byte[] b, int at) {
        return at >= b.length ? "nothing" : HexFormat.ofDelimiter(" ").formatHex(b, at, Math.min(b.length, at + 16));
    }

    /** Every fenced block that starts with the image magic, with the last "N bytes" of the prose before it. */
    static List<Dump> dumps(String doc) {
        List<Dump> out = new ArrayList<>();
        String[] lines = doc.split("\n", -1);
        StringBuilder prose = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("```")) {
                prose.append(lines[i]).append('\n');
                continue;
            }
            int end = i + 1;
            while (end < lines.length && !lines[end].startsWith("```")) {
                end++;
            }
            if (end > i + 1 && lines[i + 1].startsWith("89 4e 43 52")) {
                StringBuilder hex = new StringBuilder();
                for (int j = i + 1; j < end; j++) {
                    for (String token : lines[j].trim().split("\\s+")) {
                        if (!token.matches("[0-9a-f]{2}")) {
                            break;
                        }
                        hex.append(token);
                    }
                }
                Matcher m = SIZE.matcher(prose);
                int size = -1;
                while (m.find()) {
                    size = Integer.parseInt(m.group(1));
                }
                assertTrue(size >= 0, "the prose before dump " + (out.size() + 1) + " states no size");
                out.add(new Dump(HexFormat.of().parseHex(hex), size));
            }
            prose.setLength(0);
            i = end;
        }
        return out;
    }

    /** The repository's root: the build passes it; a run from the model folder finds it one up. */
    static Path repo() {
        return Path.of(System.getProperty("netcr.repo", System.getProperty("user.dir") + "/.."));
    }
}

package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netcr diff} and {@code netcr inspect} on CRIU dumps, archives and JSON, through the real command line. */
class DiffCommandTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = NetcrCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path repo() {
        return Path.of(System.getProperty("netcr.repo", System.getProperty("user.dir") + "/.."));
    }

    static String dump() {
        return repo().resolve("native-bridge/criu/src/test/resources/criu/veth-external").toString();
    }

    static String demo() {
        return repo().resolve("docs/samples/demo.json").toString();
    }

    @TempDir
    Path tmp;

    @Test
    void should_exit_0_with_no_output_for_equal_sources() {
        Run r = run("diff", dump(), dump());
        assertEquals(ExitCodes.OK, r.status(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void should_exit_1_and_print_one_line_per_change() throws IOException {
        String changed = Files.readString(Path.of(demo())).replaceFirst("\"mtu\"\\s*:\\s*\\d+", "\"mtu\": 1234");
        Path b = tmp.resolve("b.json");
        Files.writeString(b, changed);
        Run r = run("diff", demo(), b.toString());
        assertEquals(ExitCodes.PROBLEMS, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length, r.out());
        assertTrue(lines[0].startsWith("~ netns:") && lines[0].contains(" mtu: ") && lines[0].endsWith(" -> 1234"),
                lines[0]);
    }

    @Test
    void should_print_json_when_asked() {
        Run r = run("diff", "--json", demo(), dump());
        assertEquals(ExitCodes.PROBLEMS, r.status(), r.err());
        assertTrue(r.out().contains("\"format\" : \"netcr-diff\""), r.out());
        assertTrue(r.out().contains("\"kind\" : \"added\""), r.out());
        assertTrue(r.out().contains("\"subject\" : \"netns:criu:netns-9\""), r.out());
    }

    @Test
    void should_exit_2_without_a_stack_trace_for_a_missing_source() {
        Run r = run("diff", dump(), tmp.resolve("missing.netcr").toString());
        assertEquals(ExitCodes.FAILED, r.status());
        assertTrue(r.err().contains("ENOENT"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(ExitCodes.FAILED, run("diff", dump()).status(), "one source is wrong usage");
    }

    @Test
    void should_compare_a_criu_dump_with_its_own_json_as_equal() throws IOException {
        Run json = run("inspect", "--json", dump());
        assertEquals(ExitCodes.OK, json.status(), json.err());
        Path copy = tmp.resolve("criu.json");
        Files.writeString(copy, json.out());
        Run r = run("diff", "--properties", "--ifindex", copy.toString(), dump());
        assertEquals(ExitCodes.OK, r.status(), r.out() + r.err());
    }

    @Test
    void should_inspect_a_checkpoint_archive_and_diff_it_with_the_directory() throws IOException {
        Path archive = tmp.resolve("checkpoint.tar.gz");
        try (OutputStream f = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(f));
             Stream<Path> files = Files.list(Path.of(dump()))) {
            for (Path p : files.sorted().toList()) {
                byte[] content = Files.readAllBytes(p);
                TarArchiveEntry e = new TarArchiveEntry("checkpoint/" + p.getFileName(), true);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        Run inspect = run("inspect", archive.toString());
        assertEquals(ExitCodes.OK, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("ck0"), inspect.out());
        assertTrue(inspect.out().contains("82:ac:69:04:98:02"), inspect.out());
        Run diff = run("diff", archive.toString(), dump());
        assertEquals(ExitCodes.OK, diff.status(), diff.out() + diff.err());
    }

    @Test
    void should_say_what_a_plain_directory_is_not() throws IOException {
        Run r = run("inspect", tmp.toString());
        assertEquals(ExitCodes.FAILED, r.status());
        assertTrue(r.err().contains("not a CRIU image directory"), r.err());
    }
}

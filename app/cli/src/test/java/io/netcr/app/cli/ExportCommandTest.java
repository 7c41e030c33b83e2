package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.services.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NetcrCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_export_a_file_in_the_format_asked() throws Exception {
        Path out = tmp.resolve("net.out");
        assertEquals(0, run("export", Samples.demoFile().toString(), "--format", "svg", "-o", out.toString()));
        assertTrue(Files.readString(out).contains("<svg"));
    }

    @Test
    void should_take_the_format_from_the_extension() throws Exception {
        Path out = tmp.resolve("net.dot");
        assertEquals(0, run("export", Samples.demoFile().toString(), "-o", out.toString()));
        assertTrue(Files.readString(out).startsWith("graph netcr"));
    }

    @Test
    void should_fail_with_one_line_for_a_missing_file() {
        assertEquals(2, run("export", tmp.resolve("nope.json").toString(), "-o", tmp.resolve("x.png").toString()));
        assertEquals(1, errText().lines().count(), errText());
        assertTrue(errText().contains("does not exist"), errText());
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }

    @Test
    void should_export_the_live_host() throws Exception {
        Path out = tmp.resolve("live.dot");
        assertEquals(0, run("export", "live", "-o", out.toString()), errText());
        assertTrue(Files.readString(out).contains("subgraph cluster_"), "at least the own namespace is drawn");
    }

    @Test
    void should_refuse_an_unknown_format() {
        assertEquals(2, run("export", Samples.demoFile().toString(), "--format", "gif", "-o", tmp.resolve("x").toString()));
        assertTrue(errText().contains("unknown format 'gif'"), errText());
    }
}

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
    void should_draw_what_fit_shows_in_a_canvas_of_the_size_asked() throws Exception {
        Path out = tmp.resolve("overview.png");
        assertEquals(0, run("export", Samples.demoFile().toString(), "-o", out.toString(), "--size", "1600x1000"),
                errText());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(1000, img.getHeight());
        Path full = tmp.resolve("full.png");
        assertEquals(0, run("export", Samples.demoFile().toString(), "-o", full.toString()));
        java.awt.image.BufferedImage detail = javax.imageio.ImageIO.read(full.toFile());
        assertTrue(detail.getWidth() != 1600 || detail.getHeight() != 1000, "without --size: the full drawing");
    }

    @Test
    void should_refuse_a_size_that_is_not_width_x_height_or_not_for_an_image() {
        assertEquals(2, run("export", Samples.demoFile().toString(), "-o", tmp.resolve("a.png").toString(),
                "--size", "1600"));
        assertTrue(errText().contains("--size '1600' is not WIDTHxHEIGHT"), errText());
        assertEquals(2, run("export", Samples.demoFile().toString(), "-o", tmp.resolve("a.svg").toString(),
                "--size", "800x600"));
        assertTrue(errText().contains("--size draws an image"), errText());
        assertFalse(Files.exists(tmp.resolve("a.png")) || Files.exists(tmp.resolve("a.svg")));
    }

    @Test
    void should_refuse_an_unknown_format() {
        assertEquals(2, run("export", Samples.demoFile().toString(), "--format", "gif", "-o", tmp.resolve("x").toString()));
        assertTrue(errText().contains("unknown format 'gif'"), errText());
    }
}

package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `netcr snapshot` on this host: its own namespace needs no root, so these run anywhere. */
class SnapshotCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NetcrCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void should_print_json_with_the_init_namespace_and_exit_0() {
        int status = run("snapshot", "--json", "--repeat", "2", "--timing");
        String json = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(json.contains("\"format\" : \"netcr-snapshot\""), json);
        assertTrue(json.contains("\"init\" : true"), json);
        assertTrue(json.contains("\"kind\" : \"loopback\""), json);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("run 1: ") && e.contains("run 2: "), e);
    }

    @Test
    void should_exit_1_when_a_named_namespace_does_not_exist() {
        assertEquals(ExitCodes.PROBLEMS, run("snapshot", "--netns", "nct-no-such-namespace"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ENOENT netns:nct-no-such-namespace"));
    }

    @Test
    void should_exit_2_without_a_stack_trace_when_the_image_cannot_be_written() {
        assertEquals(ExitCodes.FAILED, run("snapshot", "-o", "/nonexistent-dir/x.netcr"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("netcr snapshot: cannot write"), e);
        assertFalse(e.contains("\tat "), e);
    }

    @Test
    void should_exit_2_on_a_bad_repeat_count() {
        assertEquals(ExitCodes.FAILED, run("snapshot", "--repeat", "0"));
    }
}

package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netcr.model.ReadMode;
import io.netcr.model.Snapshot;
import io.netcr.model.json.SnapshotJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which command lines read the host before they are parsed: a plain snapshot only. */
class EarlySnapshotTest {

    @Test
    void should_start_early_for_a_plain_snapshot_whatever_its_output() {
        assertTrue(EarlySnapshot.isPlain(new String[] {"snapshot"}));
        assertTrue(EarlySnapshot.isPlain(new String[] {"snapshot", "--json"}));
        assertTrue(EarlySnapshot.isPlain(new String[] {"snapshot", "-o", "host.netcr"}));
    }

    @Test
    void should_hand_the_host_read_early_to_the_command_once() throws Exception {
        assertTrue(EarlySnapshot.startIfPlain(new String[] {"snapshot", "--json"}));
        Optional<Snapshot> taken = EarlySnapshot.take();
        assertTrue(taken.isPresent());
        assertTrue(taken.get().namespaces().stream().anyMatch(n -> n.init()), "this process's own namespace is in it");
        assertTrue(EarlySnapshot.take().isEmpty(), "taken once: a second command reads the host itself");
        assertFalse(EarlySnapshot.startIfPlain(new String[] {"snapshot", "--netns", "a"}));
        assertTrue(EarlySnapshot.take().isEmpty());
    }

    @Test
    void should_print_a_bare_snapshot_without_the_parser_as_the_command_does() throws Exception {
        String[] json = {"snapshot", "--json"};
        assertFalse(EarlySnapshot.isBare(json), "not before the host is being read");
        assertTrue(EarlySnapshot.startIfPlain(json));
        assertTrue(EarlySnapshot.isBare(json));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EarlySnapshot.runBare(json, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        Snapshot printed = SnapshotJson.read(out.toByteArray(), ReadMode.STRICT, "stdout").snapshot();
        assertTrue(printed.namespaces().stream().anyMatch(n -> n.init()), out.toString(UTF_8));
        assertEquals(printed.hasErrors() ? ExitCodes.PROBLEMS : ExitCodes.OK, code, err.toString(UTF_8));
        assertFalse(EarlySnapshot.isBare(json), "taken: the next command line is parsed");

        String[] summary = {"snapshot"};
        assertTrue(EarlySnapshot.startIfPlain(summary));
        out.reset();
        EarlySnapshot.runBare(summary, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        assertTrue(out.toString(UTF_8).startsWith("source: live"), out.toString(UTF_8));
    }

    @Test
    void should_parse_every_command_line_that_is_not_bare() {
        assertTrue(EarlySnapshot.startIfPlain(new String[] {"snapshot", "-o", "x.netcr"}));
        try {
            assertFalse(EarlySnapshot.isBare(new String[] {"snapshot", "-o", "x.netcr"}));
            assertFalse(EarlySnapshot.isBare(new String[] {"snapshot", "--json", "--json"}));
            assertFalse(EarlySnapshot.isBare(new String[] {"snapshot", "-j"}));
            assertFalse(EarlySnapshot.isBare(new String[] {"inspect", "--json"}));
        } finally {
            EarlySnapshot.discard();
        }
    }

    @Test
    void should_leave_every_other_command_line_to_the_command() {
        assertFalse(EarlySnapshot.isPlain(new String[0]));
        assertFalse(EarlySnapshot.isPlain(new String[] {"inspect", "live"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--netns", "a"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--netns=a"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--repeat", "5", "--timing"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--help"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--json", "--host", "far"}), "the agent reads it");
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--host=far"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"checkpoint", "--all", "-o", "x"}));
    }
}

package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-level command: which verbs its model holds, and that help still lists every one. */
class NetcrCommandTest {

    private static final List<String> VERBS = List.of("inspect", "snapshot", "diff", "export", "convert", "checkpoint",
            "restore", "recover", "monitor", "agent");

    @Test
    void should_build_only_the_named_verb_for_a_run_of_one() {
        assertEquals(List.of("snapshot"), List.copyOf(
                NetcrCommand.commandLineFor(new String[] {"snapshot", "--json"}).getSubcommands().keySet()));
        assertEquals(List.of("restore"), List.copyOf(
                NetcrCommand.commandLineFor(new String[] {"restore", "x.netcr"}).getSubcommands().keySet()));
    }

    @Test
    void should_build_every_verb_for_help_and_for_a_mistyped_verb() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"snapshit"})) {
            assertEquals(VERBS, List.copyOf(NetcrCommand.commandLineFor(args).getSubcommands().keySet()));
        }
        assertEquals(VERBS, List.copyOf(NetcrCommand.subcommandNames()));
    }

    @Test
    void should_list_every_verb_in_help_and_suggest_the_right_one_for_a_typo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(ExitCodes.OK, NetcrCommand.run(new String[] {"--help"}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String verb : VERBS) {
            assertTrue(help.lines().anyMatch(l -> l.strip().startsWith(verb + " ")), verb + " in: " + help);
        }

        err.reset();
        assertEquals(ExitCodes.FAILED, NetcrCommand.run(new String[] {"snapshit"}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Did you mean: netcr snapshot"), err.toString());
    }
}

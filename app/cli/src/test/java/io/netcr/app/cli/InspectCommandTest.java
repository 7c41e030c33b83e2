package io.netcr.app.cli;

import static io.netcr.app.cli.DiffCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.cli.DiffCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netcr inspect} through the real command line: its summary, its exit statuses, never a stack trace. */
class InspectCommandTest {

    private static final Path DEMO = DiffCommandTest.repo().resolve("docs/samples/demo.netcr");

    @TempDir
    Path tmp;

    private static void assertNoStackTrace(Run r) {
        assertFalse((r.out() + r.err()).contains("\tat "), r.err());
        assertFalse((r.out() + r.err()).contains("Exception"), r.err());
    }

    @Test
    void should_summarise_a_valid_image_and_exit_0() {
        Run r = run("inspect", DEMO.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("5 namespaces, 15 devices, 4 peer links, 0 errors, 2 warnings"), r.out());
        assertTrue(r.out().contains("web/to-lab <-> lab/uplink"), r.out());
        assertTrue(r.out().contains("ENOSYS netns:lab/dev:vx42: vxlan devices cannot be checkpointed yet"), r.out());
        assertTrue(r.out().contains("inet6 fd00:250:2::10/64 scope global nodad permanent"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void should_print_json_with_the_contract_fields() {
        Run r = run("inspect", DEMO.toString(), "--json");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("{\n  \"format\" : \"netcr-snapshot\",\n  \"version\" : 1,"), r.out());
    }

    @Test
    void should_refuse_a_damaged_image_with_every_diagnostic_on_stderr_and_exit_1() throws IOException {
        byte[] bytes = Files.readAllBytes(DEMO);
        Path cut = tmp.resolve("cut.netcr");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Run r = run("inspect", cut.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains("was refused"), r.err());
        assertTrue(r.err().contains("try --salvage"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void should_show_what_a_damaged_image_still_holds_with_salvage() throws IOException {
        byte[] bytes = Files.readAllBytes(DEMO);
        Path cut = tmp.resolve("cut.netcr");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Run r = run("inspect", cut.toString(), "--salvage");
        assertEquals(1, r.status(), "what was lost is an error");
        assertTrue(r.out().contains("netns web"), r.out());
        assertTrue(r.out().contains("diagnostics:"), r.out());
        assertNoStackTrace(r);
    }

    @Test
    void should_exit_2_for_a_file_that_cannot_be_opened_or_wrong_usage() {
        Path gone = tmp.resolve("missing.netcr");
        Run missing = run("inspect", gone.toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("netcr inspect: ENOENT file:" + gone + ": ")
                && missing.err().contains("does not exist"), missing.err());
        Run noArgument = run("inspect");
        assertEquals(2, noArgument.status());
        assertTrue(noArgument.err().contains("Missing required parameter"), noArgument.err());
        Run unknownOption = run("inspect", DEMO.toString(), "--frobnicate");
        assertEquals(2, unknownOption.status());
        assertTrue(unknownOption.err().contains("--frobnicate"), unknownOption.err());
        assertNoStackTrace(missing);
    }

    @Test
    void should_say_what_a_file_of_another_kind_is_not() throws IOException {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        Run r = run("inspect", text.toString());
        assertEquals(1, r.status(), "opened, and found to be no source: a problem in the data");
        assertEquals("", r.out());
        assertTrue(r.err().contains("\n  EBADMSG file:" + text + ": " + text + " is neither a .netcr image, a JSON "
                + "snapshot, nor a checkpoint archive\n"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void should_print_the_version_maven_built_and_help() {
        String built = System.getProperty("netcr.version");
        assertTrue(built != null && !built.isBlank(), "the build passes its project version to the tests");
        Run version = run("--version");
        assertEquals(0, version.status());
        assertEquals("netcr " + built, version.out().lines().findFirst().orElse(""));
        Run help = run("--help");
        assertEquals(0, help.status());
        for (String command : new String[] {"inspect", "snapshot", "diff", "export", "convert"}) {
            assertTrue(help.out().contains("  " + command + " "), command + " in\n" + help.out());
        }
    }
}

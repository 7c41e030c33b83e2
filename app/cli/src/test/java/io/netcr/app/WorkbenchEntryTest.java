package io.netcr.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchEntryTest {

    private static final Set<String> SUBCOMMANDS = Set.of("inspect", "export");

    @Test
    void should_open_the_workbench_with_no_arguments_or_one_existing_file(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("s.json"), "{}");
        assertTrue(WorkbenchEntry.wantsWorkbench(new String[0], () -> SUBCOMMANDS));
        assertTrue(WorkbenchEntry.wantsWorkbench(new String[] {file.toString()}, () -> SUBCOMMANDS));
    }

    @Test
    void should_leave_everything_else_to_the_command_line(@TempDir Path tmp) {
        assertFalse(WorkbenchEntry.wantsWorkbench(new String[] {"--help"}, () -> SUBCOMMANDS));
        assertFalse(WorkbenchEntry.wantsWorkbench(new String[] {"inspect"}, () -> SUBCOMMANDS));
        assertFalse(WorkbenchEntry.wantsWorkbench(new String[] {tmp.resolve("missing").toString()}, () -> SUBCOMMANDS));
        assertFalse(WorkbenchEntry.wantsWorkbench(new String[] {"export", "x", "-o", "y"}, () -> SUBCOMMANDS));
    }

    @Test
    void should_see_a_display_only_under_x11_wayland_or_monocle() {
        Properties none = new Properties();
        assertFalse(WorkbenchEntry.hasDisplay(Map.of(), none));
        assertFalse(WorkbenchEntry.hasDisplay(Map.of("DISPLAY", ""), none));
        assertTrue(WorkbenchEntry.hasDisplay(Map.of("DISPLAY", ":0"), none));
        assertTrue(WorkbenchEntry.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), none));
        Properties monocle = new Properties();
        monocle.setProperty("glass.platform", "Monocle");
        assertTrue(WorkbenchEntry.hasDisplay(Map.of(), monocle));
    }
}

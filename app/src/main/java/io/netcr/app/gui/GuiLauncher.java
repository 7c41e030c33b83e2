package io.netcr.app.gui;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javafx.application.Application;

/**
 * Decides whether a command line means the workbench, and starts it when there is a display. Loads no
 * JavaFX class before it knows there is one, so that a headless machine gets one clear line, not a trace.
 */
public final class GuiLauncher {

    public static final String NO_DISPLAY = "netcr: no display (DISPLAY and WAYLAND_DISPLAY are not set), so the"
            + " workbench cannot open; use the command line instead: netcr --help, netcr export SOURCE -o FILE";

    private GuiLauncher() {
    }

    /** No arguments, or one that is an existing file and not a subcommand: the workbench. */
    public static boolean wantsWorkbench(String[] args, Set<String> subcommands) {
        if (args.length == 0) {
            return true;
        }
        return args.length == 1 && !args[0].startsWith("-") && !subcommands.contains(args[0])
                && Files.isRegularFile(Path.of(args[0]));
    }

    /** True under X11 or Wayland, or when JavaFX runs on Monocle (headless tests). */
    public static boolean hasDisplay(Map<String, String> env, Properties props) {
        return present(env.get("DISPLAY")) || present(env.get("WAYLAND_DISPLAY"))
                || "monocle".equalsIgnoreCase(props.getProperty("glass.platform", ""));
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    /** Runs the workbench until its window closes; returns the exit status. */
    public static int launch(String[] args, PrintStream err) {
        if (!hasDisplay(System.getenv(), System.getProperties())) {
            err.println(NO_DISPLAY);
            return 2;
        }
        Application.launch(WorkbenchApp.class, args);
        return 0;
    }
}

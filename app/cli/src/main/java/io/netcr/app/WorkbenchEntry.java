package io.netcr.app;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether a command line means the workbench, and opens it when there is a display and the
 * workbench is installed. The command line's module has no JavaFX: the workbench (module {@code app}) is
 * reached by name, so that the headless package, which lacks it, says so in one line instead of a trace.
 */
public final class WorkbenchEntry {

    public static final String NO_DISPLAY = "netcr: no display (DISPLAY and WAYLAND_DISPLAY are not set), so the"
            + " workbench cannot open; use the command line instead: netcr --help, netcr export SOURCE -o FILE";

    public static final String NOT_INSTALLED = "netcr: the workbench is not installed here (this is netcr's"
            + " command-line package); install the netcr desktop package for it, or use the command line: netcr --help";

    /** The JavaFX side of the entry, in the workbench module. */
    static final String LAUNCHER = "io.netcr.app.gui.GuiLauncher";

    private WorkbenchEntry() {
    }

    /**
     * No arguments, or one that is an existing file and not a subcommand: the workbench. The subcommands' names
     * are asked for only in that last case (reading them from the commands' annotations costs a cold JVM about
     * 20 ms, which the workbench's start need not pay).
     */
    public static boolean wantsWorkbench(String[] args, Supplier<Set<String>> subcommands) {
        if (args.length == 0) {
            return true;
        }
        return args.length == 1 && !args[0].startsWith("-") && Files.isRegularFile(Path.of(args[0]))
                && !subcommands.get().contains(args[0]);
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
        Class<?> launcher;
        try {
            launcher = Class.forName(LAUNCHER);
        } catch (ClassNotFoundException e) {
            err.println(NOT_INSTALLED);
            return 2;
        }
        try {
            return (int) launcher.getMethod("launch", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the workbench's launcher does not match this command line", e);
        }
    }
}

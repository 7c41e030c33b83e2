package io.netcr.app.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to run this netcr again as another process, for the workbench's helpers: {@code netcr agent} under a
 * privilege helper, {@code netcr askpass} under ssh. From the installed package that is {@code /usr/bin/netcr}
 * (the path the polkit action names, so that pkexec finds netcr's own action and message); from a source tree,
 * this JVM's {@code java} with its class path (so nothing is built or written as root, as {@code ./netcr} might).
 */
public final class ThisProgram {

    /** Where the package puts netcr on the PATH; the polkit action io.netcr.agent names this path. */
    public static final Path INSTALLED = Path.of("/usr/bin/netcr");

    private ThisProgram() {
    }

    /** The words that run netcr (its arguments follow). */
    public static List<String> command() {
        return command(System.getProperty("java.home", ""), System.getProperty("java.class.path", ""));
    }

    static List<String> command(String javaHome, String classPath) {
        if (installed(javaHome)) {
            return List.of(INSTALLED.toString());
        }
        List<String> words = new ArrayList<>();
        words.add(Path.of(javaHome, "bin", "java").toString());
        // as ./netcr runs the command line: a short-lived JVM starts and ends sooner with these
        words.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, "io.netcr.app.Main"));
        return words;
    }

    /**
     * True when this JVM is the installed package's: /usr/bin/netcr leads into the folder that holds this
     * runtime (/usr/bin/netcr → /opt/netcr/bin/netcr, java.home /opt/netcr/lib/runtime).
     */
    static boolean installed(String javaHome) {
        try {
            Path launcher = INSTALLED.toRealPath();
            Path root = launcher.getParent() == null ? null : launcher.getParent().getParent();
            return root != null && Files.isExecutable(launcher) && Path.of(javaHome).toRealPath().startsWith(root);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A word as a POSIX shell reads it back unchanged: in single quotes, each ' as '\''. */
    public static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** {@code VAR='value'; export VAR} lines, for a script that sets up what it runs. */
    public static String exports(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        env.forEach((k, v) -> out.append(k).append('=').append(shellQuote(v)).append("; export ").append(k).append('\n'));
        return out.toString();
    }
}

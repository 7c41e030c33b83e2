package io.netcr.model.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a main class as the unprivileged user "nobody" (uid and gid 65534, no groups) in another JVM, through
 * util-linux's {@code setpriv}: the tests run as root, and root reads and writes where no one else can, so a
 * test of what happens without privilege needs a process that has none. The test class path is copied
 * where nobody can read it (the Maven repository under /root is private), and removed afterwards.
 */
public final class Unprivileged {

    public static final String SETPRIV = "/usr/bin/setpriv";
    public static final int NOBODY = 65534;

    private Unprivileged() {
    }

    /** True when this process can become nobody: setpriv is there and this is root (the tests' normal case). */
    public static boolean available() {
        return Files.isExecutable(Path.of(SETPRIV)) && "root".equals(System.getProperty("user.name"));
    }

    /** Runs {@code main} with {@code args} as nobody, with the test class path; waits at most two minutes. */
    public static Processes.Result run(Class<?> main, String... args) {
        return run(main.getName(), args);
    }

    public static Processes.Result run(String mainClass, String... args) {
        return run(Map.of(), false, mainClass, args);
    }

    /**
     * As {@link #run(String, String...)}, with {@code env} added to nobody's environment and, when {@code window},
     * the window's libraries (JavaFX, Monocle) on the class path too: the workbench run as nobody.
     */
    public static Processes.Result run(Map<String, String> env, boolean window, String mainClass, String... args) {
        Path cp = null;
        try {
            cp = Files.createTempDirectory("nctcp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            String classPath = copyClassPath(cp, window);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(SETPRIV, "--reuid=" + NOBODY, "--regid=" + NOBODY,
                    "--clear-groups"));
            if (!env.isEmpty()) {
                cmd.add("/usr/bin/env");
                env.forEach((k, v) -> cmd.add(k + "=" + v));
            }
            cmd.addAll(List.of(java, "-Djava.io.tmpdir=" + cp, "-cp", classPath, mainClass));
            cmd.addAll(List.of(args));
            return Processes.run(cmd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (cp != null) {
                delete(cp);
            }
        }
    }

    /** Lets nobody reach a folder (and so the files in it that it may read) without letting it write there. */
    public static void letNobodyIn(Path dir) {
        dir.toFile().setExecutable(true, false);
    }

    /**
     * Copies the test class path into {@code into}, readable by everyone; the copied entries, joined. What runs
     * as nobody is a command-line program or a probe: the fuzzer's libraries stay behind, and the window's too
     * unless {@code window}.
     */
    private static String copyClassPath(Path into, boolean window) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : cp.split(File.pathSeparator)) {
            Path src = Path.of(e);
            String name = src.getFileName() == null ? "" : src.getFileName().toString();
            boolean windowLibrary = name.contains("javafx") || name.contains("testfx") || name.contains("monocle");
            if (!Files.exists(src) || windowLibrary && !window || name.contains("jazzer")) {
                continue;
            }
            Path dst = into.resolve((i++) + "-" + src.getFileName());
            if (Files.isDirectory(src)) {
                try (Stream<Path> all = Files.walk(src)) {
                    for (Path p : (Iterable<Path>) all::iterator) {
                        Path t = dst.resolve(src.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else {
                Files.copy(src, dst);
            }
            entries.add(dst.toString());
        }
        try (Stream<Path> all = Files.walk(into)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) {
                    p.toFile().setExecutable(true, false);
                }
            }
        }
        into.toFile().setWritable(true, false); // jffi unpacks its native stub into java.io.tmpdir
        return String.join(File.pathSeparator, entries);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no test's failure
        }
    }
}

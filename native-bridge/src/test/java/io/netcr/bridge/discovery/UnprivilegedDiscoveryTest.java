package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discovery run as "nobody" (setpriv) in another JVM: its own namespace is still read, other
 * namespaces are listed with a warning that says root is needed, and nothing fails.
 */
class UnprivilegedDiscoveryTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @Test
    void should_read_own_namespace_and_say_root_is_needed_for_others() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is installed");
        String ns = TOPO.namespace();
        Path cp = Files.createTempDirectory("nctcp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            String classPath = copyClassPath(cp);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String out = KernelTopology.run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    java, "-Djava.io.tmpdir=" + cp, "-cp", classPath, PrintSnapshot.class.getName()), true);

            assertTrue(out.lines().anyMatch(l -> l.matches("ns nsfs:\\d+ init=true names= devices=[1-9]\\d*")),
                    "own namespace read: " + out);
            assertTrue(out.lines().anyMatch(l -> l.matches("ns nsfs:\\d+ init=false names=" + ns + " devices=0")),
                    "the other namespace is listed, unread: " + out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("diag warning EPERM netns:" + ns)
                    && l.contains("needs root")), out);
            assertFalse(out.contains("Exception"), out);
        } finally {
            try (Stream<Path> all = Files.walk(cp)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Copies the test class path where "nobody" can read it (the Maven repository under /root is private). */
    private static String copyClassPath(Path into) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : cp.split(File.pathSeparator)) {
            Path src = Path.of(e);
            if (!Files.exists(src)) {
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
        assertEquals(true, !entries.isEmpty());
        return String.join(File.pathSeparator, entries);
    }
}

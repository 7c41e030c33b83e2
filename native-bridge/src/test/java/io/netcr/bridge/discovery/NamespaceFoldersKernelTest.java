package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Docker's folder of namespaces (/run/docker/netns: files named by container, each an nsfs bind mount),
 * played by a folder of the test's own so that the real one is never touched: the finder is pointed at
 * it in Docker's place, with the real /run/netns beside it.
 */
class NamespaceFoldersKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    private Path docker;

    @BeforeEach
    void folder() throws IOException {
        docker = Files.createTempDirectory(TOPO.name("d"));
    }

    @AfterEach
    void removeFolder() throws IOException {
        TOPO.afterEach(null); // unmount first: a mounted file cannot be deleted
        try (Stream<Path> all = Files.walk(docker)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private NamespaceFinder.Result find() throws IOException {
        return new NamespaceFinder(Path.of("/proc"), NamespaceFinder.RUN_NETNS, docker.toString()).find();
    }

    private static FoundNamespace withName(NamespaceFinder.Result r, String name) {
        List<FoundNamespace> matches = r.namespaces().stream().filter(f -> f.names().contains(name)).toList();
        assertEquals(1, matches.size(), "exactly one namespace is named " + name + ": " + r.namespaces());
        return matches.get(0);
    }

    @Test
    void should_name_container_namespaces_by_their_full_path_and_merge_them_with_ip_netns_names() throws Exception {
        String named = TOPO.namespace();
        Path alsoContainer = TOPO.bindMountAt(Path.of("/run/netns", named), docker.resolve("3f2a9c1b7d4e"));
        Path onlyContainer = TOPO.bindMountAt(null, docker.resolve("8be04d7a11c0"));

        NamespaceFinder.Result r = find();

        FoundNamespace both = withName(r, named);
        assertEquals(List.of(alsoContainer.toString(), named), both.names(),
                "one namespace, known by its ip-netns name and its container path");
        assertEquals(Files.getAttribute(Path.of("/run/netns", named), "unix:ino"), both.inode());
        FoundNamespace container = withName(r, onlyContainer.toString());
        assertEquals(List.of(onlyContainer.toString()), container.names());
        assertEquals(Files.getAttribute(onlyContainer, "unix:ino"), container.inode());
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.subject().toString().contains(docker.toString())),
                "no diagnostic about the folder: " + r.diagnostics());
    }

    @Test
    void should_warn_about_a_leftover_file_that_is_no_namespace() throws Exception {
        Path stale = Files.createFile(docker.resolve("c0ffee000000")); // a container's file whose mount is gone

        NamespaceFinder.Result r = find();

        List<Diagnostic> about = r.diagnostics().stream()
                .filter(d -> d.subject().toString().contains(stale.toString())).toList();
        assertEquals(1, about.size(), "one warning names the file: " + r.diagnostics());
        assertEquals(Errno.EINVAL, about.get(0).code());
        assertTrue(about.get(0).message().contains("not a mounted namespace"), about.get(0).message());
        assertTrue(r.namespaces().stream().noneMatch(f -> f.names().contains(stale.toString())));
    }

    @Test
    void should_say_nothing_when_docker_is_not_installed() throws Exception {
        Files.delete(docker); // as on a host without Docker: the folder does not exist
        try {
            NamespaceFinder.Result r = find();
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.subject().toString().contains(docker.toString())),
                    r.diagnostics().toString());
            assertTrue(r.namespaces().stream().anyMatch(FoundNamespace::init));
        } finally {
            Files.createDirectories(docker);
        }
    }
}

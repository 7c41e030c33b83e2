package io.netcr.bridge.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.bridge.sys.Sys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace registry against the real kernel: a pinned namespace's resources close when its last
 * holder goes (a bind mount, a process), not before; the races of issue 19 (a stale scan, a pid that
 * is not in the namespace); the own namespace is never given up; listeners hear mounts come and go.
 * Needs root.
 */
class NamespaceRegistryKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private NamespaceRegistry registry;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void a_registry_that_reports_what_it_hears() {
        registry = NamespaceRegistry.start(Path.of("/proc"));
        registry.addListener(new NamespaceListener() {
            @Override
            public void mounted(String path, long inode) {
                heard.add("mounted " + path + " " + inode);
            }

            @Override
            public void unmounted(String path, long inode) {
                heard.add("unmounted " + path + " " + inode);
            }

            @Override
            public void gone(long inode) {
                heard.add("gone " + inode);
            }
        });
    }

    @AfterEach
    void close_all() {
        processes.forEach(Process::destroyForcibly);
        registry.close();
    }

    private static long inodeOfNamed(String ns) throws IOException {
        return (Long) Files.getAttribute(Path.of("/run/netns", ns), "unix:ino");
    }

    /** Opens the namespace and pins the descriptor, as discovery does; returns the pin out of use. */
    private Pin pinNamed(String ns, HolderSet holders, long mark) throws Exception {
        int fd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
        Pin pin = registry.pin(inodeOfNamed(ns), holders, mark);
        pin.hold(() -> Sys.closeQuietly(fd));
        pin.exit();
        return pin;
    }

    private static HolderSet mountedAt(String ns) {
        return new HolderSet(Set.of("/run/netns/" + ns), Set.of());
    }

    /** Whether any descriptor of this process refers to the namespace. */
    private static boolean anyDescriptorOf(long inode) throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals("net:[" + inode + "]")) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the directory's own descriptor, or one closed while listing
                }
            }
        }
        return false;
    }

    private static void await(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > DEADLINE_NANOS) {
                throw new AssertionError("not within 20 s: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private void awaitHeard(String what) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < DEADLINE_NANOS) {
            String h = heard.poll(100, TimeUnit.MILLISECONDS);
            if (what.equals(h)) {
                return;
            }
        }
        throw new AssertionError("not heard within 20 s: " + what);
    }

    /** A process inside a named namespace (`ip netns exec`), ready when it says so. */
    private int processIn(String ns) throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "sh", "-c", "echo ready; exec sleep 600")
                .redirectErrorStream(true).start();
        processes.add(p);
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals("ready", line);
        return (int) p.pid();
    }

    @Test
    void should_close_a_pinned_descriptor_when_the_bind_mount_goes() throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        int fd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
        Pin pin = registry.pin(ino, mountedAt(ns), registry.mark(), () -> heard.add("pin's own callback"));
        pin.hold(() -> Sys.closeQuietly(fd));
        pin.exit();
        assertEquals(1, registry.held().get(ino));
        assertTrue(registry.watchedFolders().contains("/run/netns"), "the mount's folder is watched");

        TOPO.ip("netns", "del", ns);
        awaitHeard("pin's own callback");
        awaitHeard("gone " + ino);
        assertTrue(pin.isGone());
        assertFalse(registry.held().containsKey(ino));
        assertFalse(anyDescriptorOf(ino), "the descriptor is closed");
    }

    @Test
    void should_keep_a_namespace_while_a_process_still_holds_it_and_let_go_when_it_exits() throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        int pid = processIn(ns);
        Pin pin = pinNamed(ns, new HolderSet(Set.of("/run/netns/" + ns), Set.of(pid)), registry.mark());

        TOPO.ip("netns", "del", ns);
        await(() -> registry.holders(ino).mounts().isEmpty(), "the mount is known to be gone");
        assertFalse(pin.isGone(), "the process still holds it");
        assertEquals(Set.of(pid), registry.holders(ino).pids());
        assertEquals(1, registry.held().get(ino));

        ProcessHandle.of(pid).orElseThrow().destroy();
        awaitHeard("gone " + ino);
        assertTrue(pin.isGone());
        assertFalse(anyDescriptorOf(ino));
    }

    @Test
    void should_watch_the_next_process_when_the_watched_one_exits() throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        int first = processIn(ns);
        int second = processIn(ns);
        // only the processes are reported: the namespace lives as long as either of them; first is watched
        Pin pin = pinNamed(ns, new HolderSet(Set.of(), new LinkedHashSet<>(List.of(first, second))), registry.mark());
        assertEquals(Set.of(first, second), registry.holders(ino).pids());

        ProcessHandle.of(first).orElseThrow().destroy();
        await(() -> registry.holders(ino).pids().equals(Set.of(second)), "the first process is known to be gone");
        assertFalse(pin.isGone(), "the second process still holds it");
        assertEquals(Set.of(second), registry.holders(ino).pids());

        ProcessHandle.of(second).orElseThrow().destroy();
        awaitHeard("gone " + ino);
        assertFalse(registry.held().containsKey(ino));
    }

    @Test
    void should_check_a_stale_scan_again_when_the_mount_went_after_the_mark() throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        int fd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
        long mark = registry.mark();
        HolderSet scanned = mountedAt(ns); // what a scan begun after the mark found
        TOPO.ip("netns", "del", ns); // ... and then the mount went, before the pin
        await(() -> registry.mark() > mark, "the registry saw the mount table change");

        Pin pin = registry.pin(ino, scanned, mark);
        pin.hold(() -> Sys.closeQuietly(fd));
        pin.exit();
        awaitHeard("gone " + ino);
        assertFalse(anyDescriptorOf(ino));
    }

    @Test
    void should_not_take_a_process_that_is_not_in_the_namespace_as_its_holder() throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        int fd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
        // this process is in the host's namespace: a reused pid, or a holder that moved, looks like this
        Pin pin = registry.pin(ino, new HolderSet(Set.of(), Set.of((int) ProcessHandle.current().pid())),
                registry.mark());
        assertTrue(pin.hold(() -> Sys.closeQuietly(fd)), "taken within the first use");
        assertTrue(pin.isGone(), "no holder: gone at once");
        pin.exit();
        assertFalse(anyDescriptorOf(ino), "closed when the use ended");
        assertFalse(pin.enter());
    }

    @Test
    void should_never_give_up_its_own_namespace() throws Exception {
        long own = registry.ownInode();
        assertEquals(MountTable.inodeOf(Path.of("/proc/self/ns/net")), own);
        int fd = Sys.open("/proc/self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        Pin pin = registry.pin(own, HolderSet.NONE, registry.mark());
        pin.hold(() -> Sys.closeQuietly(fd));
        pin.exit();
        assertFalse(pin.isGone());
        assertEquals(1, registry.held().get(own));
        pin.close();
        assertFalse(registry.held().containsKey(own), "closed by its user");
    }

    @Test
    void should_tell_listeners_of_namespaces_mounted_and_unmounted() throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        awaitHeard("mounted /run/netns/" + ns + " " + ino);
        TOPO.ip("netns", "del", ns);
        awaitHeard("unmounted /run/netns/" + ns + " " + ino);
    }

    @Test
    void should_not_count_a_process_that_exited_before_it_was_watched() throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        // a process that exited: pidfd_open says ESRCH, so it is no holder; the mount still is
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Pin pin = pinNamed(ns, new HolderSet(Set.of("/run/netns/" + ns), Set.of((int) gone.pid())), registry.mark());
        assertFalse(pin.isGone());
        assertEquals(Set.of("/run/netns/" + ns), registry.holders(ino).mounts());
        assertTrue(registry.holders(ino).pids().isEmpty(), "an exited process is no holder");
        pin.close();
        assertFalse(anyDescriptorOf(ino));
    }

    @Test
    void should_give_up_every_pin_after_its_use_when_events_cannot_be_watched(@TempDir Path noProc) throws Exception {
        String ns = TOPO.namespace();
        long ino = inodeOfNamed(ns);
        try (NamespaceRegistry blind = NamespaceRegistry.start(noProc)) { // no mountinfo to watch there
            assertTrue(blind.degradedReason() != null);
            int fd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
            Pin pin = blind.pin(ino, mountedAt(ns), blind.mark());
            assertTrue(pin.isTransient());
            pin.hold(() -> Sys.closeQuietly(fd));
            assertEquals(1, blind.held().get(ino), "open while in use");
            pin.exit();
            assertTrue(pin.isGone());
            assertFalse(anyDescriptorOf(ino), "closed when the use ended: nothing would say when the namespace goes");
        }
    }
}

package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.bridge.restore.RestoreLock;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.json.SnapshotJson;
import io.netcr.model.testing.Processes;
import io.netcr.model.testing.Unprivileged;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netcr checkpoint} and {@code netcr restore} as a user runs them (root, the real kernel): dry run,
 * hostile images, no privilege, two restores at once, a checkpoint/restore round trip. Every namespace
 * and device the test or a restore makes starts with this test's random "nct" prefix and is removed after.
 */
class RestoreCommandTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    /** The lock and journal of this test only. */
    @RegisterExtension
    final TestRunDir run = new TestRunDir();

    private String tag;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        assumeTrue("0".equals(sh(List.of("id", "-u")).trim()), "kernel tests need root");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("nct");
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        tag = sb.toString();
    }

    @AfterEach
    void cleanUp() {
        if (tag == null) {
            return;
        }
        for (String ns : namespacesWith(tag)) {
            sh(List.of("ip", "netns", "del", ns));
        }
        for (String line : sh(List.of("ip", "-o", "link", "show")).split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1 && f[1].split("@")[0].contains(tag)) {
                sh(List.of("ip", "link", "del", f[1].split("@")[0]));
            }
        }
    }

    static Run run(String... args) {
        return run(new ByteArrayOutputStream(), args);
    }

    /** A run whose standard error is {@code err}, which another thread may read while it runs. */
    static Run run(ByteArrayOutputStream err, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = NetcrCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One namespace with lo (an extra address) and a veth to the init namespace, as a user would write it. */
    private Snapshot image(String nsName, String nsId, String hostName, DeviceRef eth0Peer, DeviceRef hostPeer) {
        Device lo = Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true)
                .addresses(List.of(Address.of("10.250.200.1/32"))).build();
        Device eth0 = Device.builder(2, "eth0", Device.VETH).mac("02:00:0a:fa:c8:02").mtu(1500).up(true)
                .peer(eth0Peer).addresses(List.of(Address.of("10.250.201.2/24"))).build();
        Device host = Device.builder(7, hostName, Device.VETH).mac("02:00:0a:fa:c8:01").mtu(1500).up(true)
                .peer(hostPeer).build();
        Namespace init = new Namespace("init", List.of(), true, List.of(host));
        Namespace ns = new Namespace(nsId, List.of(nsName), false, List.of(lo, eth0));
        return new Snapshot(new Source("json", null, null, null, null, "test"), List.of(init, ns), List.of());
    }

    private Path json(String file, Snapshot s) throws IOException {
        return Files.writeString(dir.resolve(file), SnapshotJson.toJson(s));
    }

    private Path validImage() throws IOException {
        String ns = tag + "a";
        return json("valid.json", image(ns, ns, tag + "h", new DeviceRef("init", 7, tag + "h"),
                new DeviceRef(ns, 2, "eth0")));
    }

    @Test
    void should_refuse_bad_names_in_options_before_reading_anything_with_exit_2() throws Exception {
        Path file = validImage();
        String ns = tag + "a";
        String[][] cases = {
            {"--rename", ns + "=a/b", "EINVAL netns:" + ns + ": --rename '" + ns + "'='a/b': namespace name contains '/'"},
            {"--rename", ns + "=..", "EINVAL netns:" + ns + ": --rename '" + ns + "'='..': a namespace cannot be named '..'"},
            {"--rename", ns + "=a\0b", "EINVAL netns:" + ns + ": --rename '" + ns + "'='a\\u0000b': namespace name contains a NUL"},
            {"--rename", ns + "=a\nb", "EINVAL netns:" + ns + ": --rename '" + ns + "'='a\\u000ab': namespace name contains a newline"},
            {"--rename", ns + "=", "EINVAL netns:" + ns + ": --rename '" + ns + "'='': a namespace name cannot be empty"},
            {"--rename", ns + "=" + "n".repeat(256), "ENAMETOOLONG netns:" + ns + ": --rename '" + ns + "'='"},
            {"--rename", "dev:" + tag + "h=abcdefghijklmnop", "ENAMETOOLONG dev:" + tag + "h: --rename 'dev:" + tag + "h'="},
            {"--prefix", "x/", "EINVAL (snapshot): --prefix 'x/' cannot begin a namespace or device name"},
        };
        for (String[] c : cases) {
            Run r = run("restore", file.toString(), c[0], c[1]);
            assertEquals(2, r.status(), c[1] + ": " + r.err());
            assertTrue(r.err().startsWith("netcr restore: the options cannot be used; nothing was changed:\n  " + c[2]),
                    c[1] + ": " + r.err());
        }
        assertEquals(List.of(), namespacesWith(tag));
    }

    @Test
    void should_print_the_plan_and_change_nothing_on_dry_run() throws Exception {
        Path file = validImage();

        Run r = run("restore", file.toString(), "--dry-run");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(" 1. ip netns add " + tag + "a"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+\\d+\\. ip -n " + tag + "a link add eth0 index 2 .*type veth "
                + "peer name " + tag + "h.*")), r.out());
        assertTrue(r.out().contains("ip -n " + tag + "a addr add 10.250.200.1/32 dev lo"), r.out());
        assertTrue(r.out().contains("Preflight: no problems found"), r.out());
        assertEquals(List.of(), namespacesWith(tag));

        Run renamed = run("restore", file.toString(), "--dry-run", "--rename", tag + "a=" + tag + "z",
                "--rename", "dev:" + tag + "h=" + tag + "k");
        assertEquals(0, renamed.status(), renamed.err());
        assertTrue(renamed.out().contains(" 1. ip netns add " + tag + "z") && renamed.out().contains("peer name " + tag + "k"),
                renamed.out());
        Run unused = run("restore", file.toString(), "--dry-run", "--rename", "nosuch=x");
        assertEquals(1, unused.status(), unused.err());
        assertTrue(unused.err().contains("EINVAL") && unused.err().contains("--rename nosuch=x"), unused.err());

        Run j = run("restore", file.toString(), "--dry-run", "--json", "--prefix", "x");
        JsonNode plan = new ObjectMapper().readTree(j.out());
        assertEquals("netcr-restore-plan", plan.get("format").asText());
        assertTrue(plan.get("executable").asBoolean());
        assertEquals("ip netns add x" + tag + "a", plan.get("steps").get(0).get("equivalent").asText());
        assertEquals(List.of(), namespacesWith(tag));
    }

    @Test
    void should_refuse_hostile_images_and_create_nothing() throws Exception {
        String ns = tag + "a";
        List<Path> hostile = new ArrayList<>();
        // a name that climbs out of /run/netns
        hostile.add(json("escape.json", image("../../etc/" + tag, ns, tag + "h", new DeviceRef("init", 7, tag + "h"),
                new DeviceRef(ns, 2, "eth0"))));
        // a reference to a device that is not there
        hostile.add(json("badref.json", image(ns, ns, tag + "h", new DeviceRef("init", 9, tag + "h"),
                new DeviceRef(ns, 2, "eth0"))));
        // peers that do not point at each other
        hostile.add(json("asymmetric.json", image(ns, ns, tag + "h", new DeviceRef("init", 7, tag + "h"),
                new DeviceRef(ns, 1, "lo"))));
        hostile.add(craftedEscapingImage());
        List<String> etcBefore = list(Path.of("/etc"));

        for (Path file : hostile) {
            Run r = run("restore", file.toString());

            assertEquals(1, r.status(), file + ": " + r.err());
            assertTrue(r.err().contains("EINVAL"), file + ": " + r.err());
            assertTrue(r.err().contains("nothing was changed"), file + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertEquals(List.of(), namespacesWith(tag), file.toString());
        }
        assertEquals(etcBefore, list(Path.of("/etc")));
        assertFalse(Files.exists(Path.of("/etc/" + tag)));
    }

    /** A .netcr image whose namespace is called "../../etc/NAME": a valid image, its name bytes swapped, CRC redone. */
    private Path craftedEscapingImage() throws IOException {
        String safe = "aa.aa.etc." + tag; // as long as "../../etc/" + tag
        String ns = tag + "a";
        Snapshot s = image(safe, ns, tag + "h", new DeviceRef("init", 7, tag + "h"), new DeviceRef(ns, 2, "eth0"));
        Path file = dir.resolve("escape.netcr");
        ImageWriter.write(s, file);
        byte[] b = Files.readAllBytes(file);
        byte[] from = safe.getBytes(StandardCharsets.UTF_8);
        byte[] to = ("../../etc/" + tag).getBytes(StandardCharsets.UTF_8);
        int replaced = 0;
        for (int i = 0; i + from.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, b, i, to.length);
                replaced++;
            }
        }
        assertTrue(replaced > 0, "the name is in the image");
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue()); // big-endian, as the trailer holds it
        Files.write(file, b);
        return file;
    }

    @Test
    void should_say_run_as_root_without_privilege_and_change_nothing() throws Exception {
        assumeTrue(Unprivileged.available(), "setpriv is installed and this test runs as root");
        Path file = validImage();
        file.toFile().setReadable(true, false);
        Unprivileged.letNobodyIn(dir);
        Processes.Result r = Unprivileged.run("io.netcr.app.Main", "restore", file.toString());

        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("EPERM") && r.output().contains("root")
                && r.output().contains("Nothing was changed"), r.output());
        assertFalse(r.output().contains("Exception"), r.output());
        assertEquals(List.of(), namespacesWith(tag));
    }

    @Test
    void should_refuse_a_second_restore_while_one_runs_and_wait_with_wait() throws Exception {
        Path file = validImage();
        RestoreLock held = RestoreLock.acquire(RunDir.current().lockFile(), false, "netcr restore other.netcr");

        Run busy;
        CompletableFuture<Run> waited;
        ByteArrayOutputStream waitedErr = new ByteArrayOutputStream();
        try {
            busy = run("restore", file.toString());
            // The second restore runs beside the lock holder; the lock is released only once it says it waits.
            waited = CompletableFuture.supplyAsync(() -> run(waitedErr, "restore", file.toString(), "--wait"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!waitedErr.toString(StandardCharsets.UTF_8).contains("waiting for another restore")) {
                assertFalse(waited.isDone(), () -> "--wait ended without waiting: " + waited.join());
                assertTrue(System.nanoTime() < deadline, "--wait never said it was waiting");
                Thread.sleep(20); // polling a real condition, with a deadline
            }
            assertFalse(waited.isDone(), "it waits while the lock is held");
            assertEquals(List.of(), namespacesWith(tag), "nothing is made while it waits");
        } finally {
            held.close();
        }

        assertEquals(2, busy.status(), busy.err());
        assertTrue(busy.err().startsWith("EBUSY") && busy.err().contains("other.netcr"), busy.err());
        Run done = waited.get(120, TimeUnit.SECONDS);
        assertEquals(0, done.status(), done.err());
        assertTrue(done.err().startsWith("netcr restore: waiting for another restore to finish: pid ")
                && done.err().contains("(netcr restore other.netcr)"), done.err());
        assertTrue(done.out().startsWith("restored 1 namespace") && done.out().contains(tag + "a"), done.out());
    }

    @Test
    void should_checkpoint_and_restore_through_the_command_line() throws Exception {
        String a = tag + "a";
        String b = tag + "b";
        sh(List.of("ip", "netns", "add", a));
        sh(List.of("ip", "netns", "add", b));
        sh(List.of("ip", "-n", a, "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", b));
        sh(List.of("ip", "-n", a, "addr", "add", "10.250.7.1/24", "dev", "v0"));
        sh(List.of("ip", "-n", b, "addr", "add", "10.250.7.2/24", "dev", "v1"));
        sh(List.of("ip", "-n", a, "link", "set", "v0", "up"));
        sh(List.of("ip", "-n", b, "link", "set", "v1", "up"));
        Path file = dir.resolve("cp.netcr");

        Run missing = run("checkpoint", a, tag + "zz", "-o", file.toString());
        assertEquals(1, missing.status(), missing.err());
        assertTrue(missing.err().contains("ENOENT netns:" + tag + "zz"), missing.err());
        assertFalse(Files.exists(file), "nothing written on error");

        Run cp = run("checkpoint", a, b, "-o", file.toString());
        assertEquals(0, cp.status(), cp.err());
        assertTrue(cp.out().startsWith("checkpointed 2 namespaces"), cp.out());

        Run clash = run("restore", file.toString());
        assertEquals(1, clash.status(), clash.err());
        assertTrue(clash.err().contains("EEXIST netns:" + a), clash.err());

        Run ok = run("restore", file.toString(), "--prefix", "r");
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("r" + a) && ok.out().contains("r" + b), ok.out());
        String ping = sh(List.of("ip", "netns", "exec", "r" + a, "ping", "-c1", "-W2", "10.250.7.2"));
        assertTrue(ping.contains("1 received"), ping);
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> namespacesWith(String tag) {
        try {
            return list(Path.of("/run/netns")).stream().filter(n -> n.contains(tag)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static String sh(List<String> cmd) {
        return Commands.output(cmd);
    }
}

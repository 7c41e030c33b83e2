package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the crash tests share: `netcr restore` as a process killed by the test seam, the oracles, the cleanup. */
final class KillRuns {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What `ip -j` shows that changes by itself (carrier, DAD, nsid numbering, kernel-chosen ifindexes). */
    private static final Set<String> VOLATILE = Set.of("ifindex", "link_index", "link_netnsid", "operstate", "valid_life_time",
            "preferred_life_time", "tentative");

    private KillRuns() {
    }

    static String newTag() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("nct");
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        return HostOracle.run(cmd);
    }

    /** The number of steps of the plan that restores {@code image} under {@code prefix} (its dry run). */
    static int steps(Path image, String prefix) throws IOException {
        RestoreCommandTest.Run dry = RestoreCommandTest.run("restore", image.toString(), "--prefix", prefix,
                "--dry-run", "--json");
        assertEquals(0, dry.status(), dry.err());
        return JSON.readTree(dry.out()).get("steps").size();
    }

    /**
     * Runs {@code netcr restore IMAGE --prefix PREFIX} as its own JVM (in the namespace {@code netns} when
     * given, else in this one), killed by the test seam after step {@code k}; returns its exit status (137
     * when the kill happened) once it is gone.
     */
    static int restoreKilledAfter(int k, Path image, String prefix, RunDir runDir, Path netns) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        if (netns != null) {
            cmd.addAll(List.of("nsenter", "--net=" + netns));
        }
        cmd.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-D" + RunDir.PROPERTY + "=" + runDir.dir(), "-Dnetcr.test.killAfterStep=" + k,
                "-cp", cp, "io.netcr.app.Main", "restore", image.toString(), "--prefix", prefix));
        Path out = Files.createTempFile("nct-kill", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the restore killed after step " + k + " still runs after 120 s");
            }
            if (p.exitValue() != 137) {
                System.err.println("restore killed after step " + k + " said:\n" + Files.readString(out));
            }
            return p.exitValue();
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * What a restore under {@code prefix} made, as `ip -j` shows it: in each restored namespace its links
     * (with details), addresses and routes of every table; in this namespace the links whose names start
     * with prefix+tag. Volatile fields are left out ({@link #VOLATILE}, carrier flags, what the kernel makes
     * by itself once a link has carrier), and lists the kernel orders by timing are sorted.
     */
    static String restoredState(String tag, String prefix, List<String> namespaces) {
        ObjectNode o = JSON.createObjectNode();
        for (String ns : namespaces) {
            String n = prefix + ns;
            o.set(n + " links", clean(json(ip("-n", n, "-j", "-d", "link", "show"))));
            o.set(n + " addrs", clean(json(ip("-n", n, "-j", "addr", "show"))));
            o.set(n + " routes4", sorted(clean(json(ip("-n", n, "-j", "-4", "route", "show", "table", "all")))));
            o.set(n + " routes6", sorted(clean(json(ip("-n", n, "-j", "-6", "route", "show", "table", "all")))));
        }
        ArrayNode here = o.putArray("outside");
        json(ip("-j", "-d", "link", "show")).forEach(l -> {
            if (l.path("ifname").asText().startsWith(prefix + tag)) {
                here.add(clean(l));
            }
        });
        return o.toPrettyString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode clean(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            n.fields().forEachRemaining(f -> {
                if (VOLATILE.contains(f.getKey())) {
                    return;
                }
                if (f.getKey().equals("flags") && f.getValue().isArray()) {
                    ArrayNode flags = o.putArray("flags");
                    f.getValue().forEach(x -> {
                        if (!Set.of("LOWER_UP", "NO-CARRIER", "M-DOWN", "linkdown").contains(x.asText())) {
                            flags.add(x);
                        }
                    });
                    return;
                }
                // the kernel lists addresses and routes in the order they came, which follows carrier timing
                o.set(f.getKey(), f.getKey().equals("addr_info") ? sorted(clean(f.getValue())) : clean(f.getValue()));
            });
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            n.forEach(x -> {
                if (!kernelMadeLater(x)) {
                    a.add(clean(x));
                }
            });
            return a;
        }
        return n;
    }

    /**
     * IPv6 link-local addresses and their routes (fe80::/64, ff00::/8): the kernel makes them from the MAC
     * when a link gets its carrier, some time after the restore has set it up; the MACs are compared.
     */
    private static boolean kernelMadeLater(JsonNode x) {
        boolean linkLocal = "inet6".equals(x.path("family").asText()) && "link".equals(x.path("scope").asText());
        String dst = x.path("dst").asText("");
        return linkLocal || dst.startsWith("fe80:") || dst.startsWith("ff00:");
    }

    /**
     * Runs the command line in this JVM on a thread of its own that has entered the namespace {@code netns}
     * first, as a process started there would: the restorer's namespace of a test that keeps its outside
     * halves out of the host's.
     */
    static RestoreCommandTest.Run runIn(Path netns, String... args) throws InterruptedException {
        RestoreCommandTest.Run[] result = new RestoreCommandTest.Run[1];
        RuntimeException[] failed = new RuntimeException[1];
        Thread t = new Thread(() -> {
            try {
                int fd = Sys.open(netns.toString(), Sys.O_RDONLY | Sys.O_CLOEXEC);
                try {
                    Sys.setns(fd, Sys.CLONE_NEWNET);
                } finally {
                    Sys.closeQuietly(fd);
                }
                result[0] = RestoreCommandTest.run(args);
            } catch (NativeException e) {
                failed[0] = new IllegalStateException(e);
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "netcr-test-in-" + netns.getFileName()); // ends here: nothing else runs in that namespace
        t.start();
        t.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        return result[0];
    }

    private static ArrayNode sorted(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode a = JSON.createArrayNode();
        items.forEach(a::add);
        return a;
    }

    /**
     * Removes every namespace under /run/netns and every link of this namespace whose name starts with
     * {@code prefix + tag} (any that holds the tag when {@code prefix} is null): links first, so that none
     * lingers while its peer's namespace is destroyed in the background.
     */
    static void removeTagged(String tag, String prefix) {
        String start = prefix == null ? null : prefix + tag;
        for (String line : HostOracle.run(List.of("ip", "-o", "link", "show")).split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1) {
                String name = f[1].split("@")[0];
                if (start == null ? name.contains(tag) : name.startsWith(start)) {
                    quietly(List.of("ip", "link", "del", name)); // a veth may be gone with its peer already
                }
            }
        }
        File[] all = new File("/run/netns").listFiles();
        for (File n : all == null ? new File[0] : all) {
            String name = n.getName();
            if (start == null ? name.contains(tag) : name.startsWith(start)) {
                quietly(List.of("ip", "netns", "del", name));
            }
        }
    }

    private static void quietly(List<String> cmd) {
        try {
            HostOracle.run(cmd);
        } catch (IllegalStateException e) {
            // gone already
        }
    }

}

package io.netcr.app.cli;

import static io.netcr.app.cli.RestoreCommandTest.run;
import static io.netcr.app.cli.RestoreCommandTest.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.cli.RestoreCommandTest.Run;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netcr checkpoint} and {@code netcr restore} of a policy-routed namespace (root, the real kernel): its
 * rules and its table-100 routes are saved without a word and come back as `ip -j` showed them; a plain
 * namespace gets no warning either. Every namespace made here holds this test's random "nct" tag and is
 * removed after.
 */
class CheckpointRoutingCommandTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    /** The lock and journal of this test only. */
    @RegisterExtension
    final TestRunDir run = new TestRunDir();

    private String tag;

    @BeforeEach
    void setUp() {
        assumeTrue("0".equals(sh(List.of("id", "-u")).trim()), "kernel tests need root");
        StringBuilder sb = new StringBuilder("nct");
        for (int i = 0; i < 4; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        tag = sb.toString();
    }

    @AfterEach
    void cleanUp() {
        if (tag == null) {
            return;
        }
        for (String ns : sh(List.of("ip", "netns", "list")).lines().map(l -> l.split(" ")[0]).toList()) {
            if (ns.contains(tag)) {
                sh(List.of("ip", "netns", "del", ns)); // the veth pair goes with its namespaces
            }
        }
    }

    private static void ip(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_save_rules_and_other_tables_without_a_warning_and_restore_them() throws Exception {
        String a = tag + "a";
        String b = tag + "b";
        ip("netns", "add", a);
        ip("netns", "add", b);
        ip("-n", a, "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", b);
        ip("-n", a, "addr", "add", "10.250.51.1/24", "dev", "v0");
        ip("-n", b, "addr", "add", "10.250.51.2/24", "dev", "v1");
        ip("-n", a, "link", "set", "v0", "up");
        ip("-n", b, "link", "set", "v1", "up");
        ip("-n", a, "rule", "add", "from", "10.250.51.0/24", "lookup", "100", "pref", "100");
        ip("-n", a, "-6", "rule", "add", "from", "fd00:250:51::/64", "lookup", "100", "pref", "101");
        ip("-n", a, "route", "add", "10.250.52.0/24", "via", "10.250.51.2", "table", "100");
        ip("-n", a, "route", "add", "blackhole", "10.250.53.0/24", "table", "100");
        ip("-n", a, "-6", "route", "add", "blackhole", "fd00:250:53::/64", "table", "100");
        Path file = dir.resolve("routed.netcr");

        Run cp = run("checkpoint", a, b, "-o", file.toString());

        assertEquals(0, cp.status(), cp.err());
        assertTrue(cp.out().startsWith("checkpointed 2 namespaces"), cp.out());
        assertEquals("", cp.err(), "rules and other tables are saved: nothing to warn of");
        Run restored = run("restore", file.toString(), "--prefix", "r");
        assertEquals(0, restored.status(), restored.err());
        String ping = sh(List.of("ip", "netns", "exec", "r" + a, "ping", "-c1", "-W2", "10.250.51.2"));
        assertTrue(ping.contains("1 received"), ping);
        for (List<String> oracle : List.of(List.of("-4", "rule"), List.of("-6", "rule"),
                List.of("-4", "route", "show", "table", "100"), List.of("-6", "route", "show", "table", "100"))) {
            List<String> original = new java.util.ArrayList<>(List.of("ip", "-j", "-n", a));
            original.addAll(oracle);
            List<String> copy = new java.util.ArrayList<>(List.of("ip", "-j", "-n", "r" + a));
            copy.addAll(oracle);
            assertEquals(sh(original), sh(copy), "ip " + String.join(" ", oracle) + " of the restored namespace");
        }
    }

    @Test
    void should_say_nothing_of_a_namespace_with_only_the_kernel_defaults() {
        String a = tag + "a";
        ip("netns", "add", a);
        ip("-n", a, "link", "set", "lo", "up");
        ip("-n", a, "addr", "add", "10.250.54.1/24", "dev", "lo");
        ip("-n", a, "-6", "addr", "add", "fd00:250:54::1/64", "dev", "lo", "nodad");
        Path file = dir.resolve("plain.netcr");

        Run cp = run("checkpoint", a, "-o", file.toString());

        assertEquals(0, cp.status(), cp.err());
        assertEquals("", cp.err(), "no warning for the default rules and the local table");
        Run inspect = run("inspect", file.toString());
        assertFalse(inspect.out().contains("ENOSYS"), inspect.out());
    }
}

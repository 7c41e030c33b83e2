package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.model.testing.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds namespaces and devices for a test with `ip`, under unique names ("nct" + a random suffix),
 * and removes all of them after each test whatever its outcome (and again after all, and at JVM exit).
 * It never touches anything it did not create. Tests using it are skipped when not run as root.
 */
public final class KernelTopology implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<String> initDevices = Collections.synchronizedList(new ArrayList<>());
    private final List<Process> holders = Collections.synchronizedList(new ArrayList<>());
    private final List<Path> mounts = Collections.synchronizedList(new ArrayList<>());
    private String suffix;
    private int counter;

    public KernelTopology() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeAll));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(HostInfo.isRoot(), "kernel tests need root");
        suffix = randomSuffix();
        counter = 0;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        removeAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        removeAll();
    }

    /** A unique name: "nct", 4 random characters, a counter and the given tag; at most 15 bytes. */
    public synchronized String name(String tag) {
        String n = "nct" + suffix + (counter++) + tag;
        if (n.length() > 15) {
            throw new IllegalArgumentException("device name too long: " + n);
        }
        return n;
    }

    /** A new named namespace (its lo left down, as `ip netns add` makes it). */
    public String namespace() {
        String ns = name("n");
        namespaces.add(ns);
        ip("netns", "add", ns);
        return ns;
    }

    /** Marks an init-namespace device (created by the caller with ip) for removal. */
    public String initDevice(String tag) {
        String d = name(tag);
        initDevices.add(d);
        return d;
    }

    /**
     * A namespace held only by a process: `unshare -n` that says "ready" once inside, then sleeps.
     * Returns the holder's pid; reading its "ready" line is the deterministic wait.
     */
    public long holder() throws IOException {
        Process p = new ProcessBuilder("unshare", "-n", "sh", "-c", "echo ready; exec sleep 600")
                .redirectErrorStream(true).start();
        holders.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (!"ready".equals(line)) {
            throw new IOException("holder process did not start: " + line);
        }
        return p.pid();
    }

    /**
     * A namespace bind-mounted at a file outside /run/netns (`unshare --net=FILE true`), or, given an
     * existing namespace file, a second bind mount of it. Returns the mount point.
     */
    public Path bindMount(Path existing) throws IOException {
        return bindMountAt(existing, Files.createTempFile(name("m"), ""));
    }

    /** As {@link #bindMount}, at a given point (created here as an empty file, removed afterwards). */
    public Path bindMountAt(Path existing, Path point) throws IOException {
        if (!Files.exists(point)) {
            Files.createFile(point);
        }
        mounts.add(point);
        if (existing == null) {
            run(List.of("unshare", "--net=" + point, "true"), true);
        } else {
            run(List.of("mount", "--bind", existing.toString(), point.toString()), true);
        }
        return point;
    }

    /** Runs `ip ARGS`; fails the test with ip's message when it fails. */
    public String ip(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("ip");
        cmd.addAll(List.of(args));
        return run(cmd, true);
    }

    /** Runs `ip -j ARGS` in a named namespace (or, for "pid:N", in that process's namespace). */
    public JsonNode ipJson(String ns, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (ns != null && ns.startsWith("pid:")) {
            cmd.addAll(List.of("nsenter", "-t", ns.substring(4), "-n", "ip", "-j"));
        } else if (ns != null) {
            cmd.addAll(List.of("ip", "-n", ns, "-j"));
        } else {
            cmd.addAll(List.of("ip", "-j"));
        }
        cmd.addAll(List.of(args));
        return JSON.readTree(run(cmd, true));
    }

    public static String run(List<String> cmd, boolean mustSucceed) {
        Processes.Result r = Processes.run(cmd);
        if (mustSucceed && r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.output());
        }
        return r.output();
    }

    private synchronized void removeAll() {
        for (Process p : new ArrayList<>(holders)) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        holders.clear();
        for (Path m : new ArrayList<>(mounts)) {
            run(List.of("umount", m.toString()), false);
            try {
                Files.deleteIfExists(m);
            } catch (IOException e) {
                // still mounted somehow: leave the empty file rather than fail the cleanup of the rest
            }
        }
        mounts.clear();
        for (String d : new ArrayList<>(initDevices)) {
            run(List.of("ip", "link", "del", d), false); // may be gone with its namespace peer already
        }
        initDevices.clear();
        for (String ns : new ArrayList<>(namespaces)) {
            run(List.of("ip", "netns", "del", ns), false);
        }
        namespaces.clear();
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

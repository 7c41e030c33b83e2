package io.netcr.app.hosts;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Namespaces a kernel test makes with {@code ip} (the tests' oracle and builder) under a random {@code nct} tag, and
 * removes in every outcome: two namespaces joined by a veth pair, each end with a /30 from 10.250.0.0/16.
 */
final class KernelTopology implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String tag;

    KernelTopology() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("nct");
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        tag = sb.toString();
    }

    static boolean root() {
        try {
            return "0".equals(sh("id", "-u").trim());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code TAGa} and {@code TAGb}, a veth pair between them (TAGx, TAGy), 10.250.77.1/30 and .2/30, all up. */
    List<String> pair() throws IOException {
        String a = tag + "a";
        String b = tag + "b";
        sh("ip", "netns", "add", a);
        sh("ip", "netns", "add", b);
        sh("ip", "-n", a, "link", "add", tag + "x", "type", "veth", "peer", "name", tag + "y", "netns", b);
        sh("ip", "-n", a, "addr", "add", "10.250.77.1/30", "dev", tag + "x");
        sh("ip", "-n", b, "addr", "add", "10.250.77.2/30", "dev", tag + "y");
        for (String[] ns : new String[][] {{a, tag + "x"}, {b, tag + "y"}}) {
            // no IPv6 link-local: its DAD would change the address's flags between two snapshots a second apart
            sh("ip", "-n", ns[0], "link", "set", ns[1], "addrgenmode", "none");
            sh("ip", "-n", ns[0], "link", "set", "lo", "up");
            sh("ip", "-n", ns[0], "link", "set", ns[1], "up");
        }
        // The kernel turns a new link's operstate UP asynchronously (linkwatch): two snapshots taken while it
        // settles would differ. Wait for it, polling the real state with a deadline.
        awaitUp(a, tag + "x");
        awaitUp(b, tag + "y");
        return List.of(a, b);
    }

    private void awaitUp(String netns, String device) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sh("ip", "-n", netns, "-j", "link", "show", device).contains("\"operstate\":\"UP\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(netns + "/" + device + " did not come up within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Every namespace whose name holds the tag. */
    List<String> namespaces() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : sh("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0];
            if (name.contains(tag)) {
                out.add(name);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        for (String ns : namespaces()) {
            sh("ip", "netns", "del", ns);
        }
    }

    static String sh(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }
}

package io.netcr.app.gui;

import java.security.SecureRandom;
import java.util.List;

/**
 * What a kernel UI test makes, named with its random tag ("nct" + 4 characters): namespaces and devices,
 * the test's own and those a restore made from them (a prefix keeps the tag in the name). {@link #removeAll}
 * removes every one whose name holds the tag, and nothing else.
 */
final class TaggedNamespaces {

    private static final SecureRandom RANDOM = new SecureRandom();

    final String tag;

    TaggedNamespaces() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("nct");
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        tag = sb.toString();
    }

    /** Namespaces TAGa and TAGb joined by a veth (TAGx 10.250.91.1/30 in a, TAGy 10.250.91.2/30 in b), up. */
    void makeTwoJoinedByVeth() throws Exception {
        String a = tag + "a";
        String b = tag + "b";
        Shell.check("ip", "netns", "add", a);
        Shell.check("ip", "netns", "add", b);
        Shell.check("ip", "-n", a, "link", "add", tag + "x", "type", "veth", "peer", "name", tag + "y", "netns", b);
        Shell.check("ip", "-n", a, "addr", "add", "10.250.91.1/30", "dev", tag + "x");
        Shell.check("ip", "-n", b, "addr", "add", "10.250.91.2/30", "dev", tag + "y");
        Shell.check("ip", "-n", a, "link", "set", tag + "x", "up");
        Shell.check("ip", "-n", b, "link", "set", tag + "y", "up");
    }

    /** The names under /run/netns that hold the tag, as `ip netns list` shows them. */
    List<String> namespaces() throws Exception {
        return Shell.run("ip", "netns", "list").lines().map(l -> l.split(" ")[0]).filter(n -> n.contains(tag))
                .sorted().toList();
    }

    /** The devices of this namespace whose names hold the tag (outside halves a restore made). */
    List<String> devicesHere() throws Exception {
        return Shell.run("ip", "-o", "link", "show").lines().map(l -> l.split(":\\s+"))
                .filter(f -> f.length > 1).map(f -> f[1].split("@")[0]).filter(n -> n.contains(tag)).toList();
    }

    /** Removes every namespace and device of this namespace whose name holds the tag. */
    void removeAll() throws Exception {
        for (String ns : namespaces()) {
            Shell.run("ip", "netns", "del", ns);
        }
        for (String dev : devicesHere()) {
            Shell.run("ip", "link", "del", dev);
        }
    }
}

package io.netcr.bridge.restore;

import io.netcr.bridge.discovery.KernelTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Removes what a restore made in a test, whatever its outcome: every /run/netns namespace and every
 * init-namespace link whose name starts with this test's restore prefix ("nc" + 2 random characters +
 * "r", so that a prefixed name stays within 15 bytes). Used with {@link KernelTopology}, which removes
 * what the test built itself. Touches nothing else.
 */
public final class RestoreSweep implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final SecureRandom RANDOM = new SecureRandom();
    private String prefix;

    public RestoreSweep() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::sweep));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        prefix = "nc" + alphabet.charAt(RANDOM.nextInt(36)) + alphabet.charAt(RANDOM.nextInt(36)) + "r";
    }

    /** The --prefix a test restores under: everything named with it is removed after the test. */
    public String prefix() {
        return prefix;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sweep();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sweep();
    }

    private synchronized void sweep() {
        if (prefix == null) {
            return;
        }
        try (Stream<Path> entries = Files.list(Path.of("/run/netns"))) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))
                    .forEach(n -> KernelTopology.run(List.of("ip", "netns", "del", n), false));
        } catch (IOException e) {
            // no /run/netns: nothing to remove
        }
        for (String line : KernelTopology.run(List.of("ip", "-o", "link", "show"), false).split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1) {
                String name = f[1].split("@")[0];
                if (name.startsWith(prefix)) {
                    KernelTopology.run(List.of("ip", "link", "del", name), false);
                }
            }
        }
    }
}

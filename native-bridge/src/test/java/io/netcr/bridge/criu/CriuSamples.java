package io.netcr.bridge.criu;

import java.nio.file.Path;

/** Where the real CRIU dump of ../shared/samples/criu lies (surefire sets netcr.repo to the reactor root). */
final class CriuSamples {

    private CriuSamples() {
    }

    static Path samples() {
        String repo = System.getProperty("netcr.repo", System.getProperty("user.dir") + "/..");
        return Path.of(repo).resolve("../shared/samples/criu").normalize();
    }

    static Path vethExternal() {
        return samples().resolve("veth-external");
    }

    static Path oracle(String what) {
        return samples().resolve("veth-external." + what + ".json");
    }
}

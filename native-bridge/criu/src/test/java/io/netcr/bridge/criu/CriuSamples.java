package io.netcr.bridge.criu;

import java.nio.file.Path;

/**
 * Where the real CRIU 4.2 dump lies: the test resources' {@code criu/veth-external} (made by CRIU on a machine
 * like ours, its process memory pages left out), with the {@code ip -j} output of the same namespace beside it.
 * Read from the source tree so that the app's tests can name the same folder.
 */
final class CriuSamples {

    private CriuSamples() {
    }

    static Path samples() {
        String repo = System.getProperty("netcr.repo", System.getProperty("user.dir") + "/../..");
        return Path.of(repo).resolve("native-bridge/criu/src/test/resources/criu").normalize();
    }

    static Path vethExternal() {
        return samples().resolve("veth-external");
    }

    static Path oracle(String what) {
        return samples().resolve("veth-external." + what + ".json");
    }
}

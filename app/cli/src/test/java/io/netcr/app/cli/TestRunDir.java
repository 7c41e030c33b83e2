package io.netcr.app.cli;

import io.netcr.bridge.restore.journal.RunDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a restore lock and journal of its own: points {@code netcr.run.dir} at a fresh folder
 * before the test, and back (and removes the folder) after it, whatever the outcome.
 */
final class TestRunDir implements BeforeEachCallback, AfterEachCallback {

    private String before;
    private Path dir;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("netcr-run-");
        before = System.getProperty(RunDir.PROPERTY);
        System.setProperty(RunDir.PROPERTY, dir.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (before == null) {
            System.clearProperty(RunDir.PROPERTY);
        } else {
            System.setProperty(RunDir.PROPERTY, before);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The folder of the running test. */
    RunDir runDir() {
        return new RunDir(dir);
    }
}

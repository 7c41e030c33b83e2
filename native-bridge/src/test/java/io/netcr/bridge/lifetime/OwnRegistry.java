package io.netcr.bridge.lifetime;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A namespace registry of the test's own, started before each test and closed after it (closing it lets go of
 * everything pinned in it), so that a test never shares pins with another.
 */
public final class OwnRegistry implements BeforeEachCallback, AfterEachCallback {

    private NamespaceRegistry registry;

    @Override
    public void beforeEach(ExtensionContext context) {
        registry = NamespaceRegistry.start(Path.of("/proc"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    public NamespaceRegistry get() {
        return registry;
    }
}

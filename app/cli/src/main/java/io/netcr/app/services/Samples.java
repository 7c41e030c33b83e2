package io.netcr.app.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The sample snapshot bundled with the application, shown when there is nothing else to show. */
public final class Samples {

    public static final String DEMO = "/io/netcr/app/samples/demo.netcr";

    private Samples() {
    }

    /**
     * The demo as a file: readers take paths, and a resource inside a jar has none, so it is copied
     * to a temporary file (deleted on exit).
     */
    public static Path demoFile() {
        try (InputStream in = Samples.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + DEMO + " is missing from the class path");
            }
            Path tmp = Files.createTempFile("netcr-demo-", ".netcr");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled sample", e);
        }
    }
}

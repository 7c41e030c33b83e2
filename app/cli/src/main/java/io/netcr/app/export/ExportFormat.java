package io.netcr.app.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** What a snapshot can be exported as. */
public enum ExportFormat {
    PNG("png", "PNG image"),
    SVG("svg", "SVG drawing"),
    DOT("dot", "Graphviz DOT"),
    JSON("json", "netcr JSON snapshot");

    private final String extension;
    private final String description;

    ExportFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /**
     * Whether this Java runtime can write the format: PNG is drawn with Java2D (module java.desktop), which
     * the headless package's runtime leaves out; the others need nothing beyond java.base.
     */
    public boolean isAvailable() {
        return isAvailable(m -> ModuleLayer.boot().findModule(m).isPresent());
    }

    boolean isAvailable(Predicate<String> moduleInRuntime) {
        return this != PNG || moduleInRuntime.test("java.desktop");
    }

    /** The format a file name asks for by its extension ("net.svg" is SVG; ".gv" is DOT too). */
    public static Optional<ExportFormat> ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gv")) {
            return Optional.of(DOT);
        }
        for (ExportFormat f : values()) {
            if (name.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}

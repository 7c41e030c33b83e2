package io.netcr.app.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

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

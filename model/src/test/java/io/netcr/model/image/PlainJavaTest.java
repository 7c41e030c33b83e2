package io.netcr.model.image;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The image format and the validator are plain Java, so that the CLI, the GUI and other tools can read
 * images without JavaFX or native code. (A source scan, not ArchUnit, to add no dependency to the module.)
 */
class PlainJavaTest {

    private static final Pattern FORBIDDEN = Pattern.compile("^import\\s+(static\\s+)?(javafx|jnr|com\\.sun\\.jna)\\.|\\bnative\\s+\\w+\\s*\\(",
            Pattern.MULTILINE);

    @Test
    void image_and_validate_packages_import_no_ui_and_no_native_code() throws IOException {
        List<String> offenders;
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java/io/netcr/model/image")),
                Files.walk(Path.of("src/main/java/io/netcr/model/validate")))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertFalse(sources.isEmpty(), "run from the model module folder");
        offenders = sources.stream().filter(p -> {
            try {
                return FORBIDDEN.matcher(Files.readString(p)).find();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(Path::toString).collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }
}

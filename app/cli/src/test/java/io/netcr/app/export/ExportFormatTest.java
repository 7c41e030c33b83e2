package io.netcr.app.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which formats a runtime can write: the headless package's has no java.desktop, hence no PNG. */
class ExportFormatTest {

    @Test
    void should_need_java_desktop_for_png_only() {
        assertFalse(ExportFormat.PNG.isAvailable(module -> false));
        assertTrue(ExportFormat.PNG.isAvailable("java.desktop"::equals));
        for (ExportFormat f : new ExportFormat[] {ExportFormat.SVG, ExportFormat.DOT, ExportFormat.JSON}) {
            assertTrue(f.isAvailable(module -> false), f.name());
        }
    }

    @Test
    void should_write_every_format_in_the_build_runtime() {
        for (ExportFormat f : ExportFormat.values()) {
            assertTrue(f.isAvailable(), f.name());
        }
    }
}

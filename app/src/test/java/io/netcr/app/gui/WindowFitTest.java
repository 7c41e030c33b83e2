package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The main window's first size: the design size where it fits, 90% of the screen where it does not. */
class WindowFitTest {

    @Test
    void should_fit_a_1280_pixel_screen_whose_panel_takes_some_height() {
        Dimension2D d = WindowFit.size(new Rectangle2D(0, 27, 1280, 773));

        assertEquals(1152, d.getWidth());
        assertEquals(695, d.getHeight());
        assertTrue(d.getWidth() < 1280 && d.getHeight() < 773);
    }

    @Test
    void should_keep_the_design_size_on_a_large_screen() {
        Dimension2D d = WindowFit.size(new Rectangle2D(0, 0, 2560, 1400));

        assertEquals(new Dimension2D(WindowFit.PREFERRED_WIDTH, WindowFit.PREFERRED_HEIGHT), d);
    }
}

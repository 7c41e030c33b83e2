package io.netcr.app.gui;

import io.netcr.icons.Icons;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The main window's first size (to fit the screen it opens on) and its icon. */
final class WindowFit {

    /** The size the workbench is designed for; a smaller screen gets a smaller window. */
    static final double PREFERRED_WIDTH = 1440;
    static final double PREFERRED_HEIGHT = 900;
    /** Of the screen's visual bounds (without panels and docks) at most this much is taken. */
    static final double SHARE = 0.9;

    private WindowFit() {
    }

    /** The preferred size, shrunk to 90% of the visual bounds: never larger than the screen. */
    static Dimension2D size(Rectangle2D visualBounds) {
        return new Dimension2D(Math.min(PREFERRED_WIDTH, Math.floor(visualBounds.getWidth() * SHARE)),
                Math.min(PREFERRED_HEIGHT, Math.floor(visualBounds.getHeight() * SHARE)));
    }

    /** The application icon at every size it is drawn in, so that the desktop picks the sharpest. */
    static void setIcons(Stage stage) {
        for (int px : Icons.APP_SIZES) {
            stage.getIcons().add(new Image(Icons.url(Icons.APP, px).toExternalForm()));
        }
    }
}

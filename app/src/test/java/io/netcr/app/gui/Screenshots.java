package io.netcr.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a scene or a node shows to app/target/screenshots/NAME.png (call on the FX thread). */
final class Screenshots {

    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    static Path write(Scene scene, String name) {
        return write(scene.snapshot(null), name);
    }

    static Path write(Node node, String name) {
        return write(node.snapshot(null, null), name);
    }

    static Path write(WritableImage fx, String name) {
        try {
            Files.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(fx, DIR.resolve(name + ".png"));
    }

    /** Writes the image to {@code file}. */
    static Path write(WritableImage fx, Path file) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, px.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(img, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.netcr.app.gui.canvas;

import java.nio.IntBuffer;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * What the view shows during a burst of zoom steps: the picture's pixels, read back from the canvas once at
 * the burst's first step, resampled for each step onto a view-sized image ({@link PictureStretch}) that an
 * untransformed ImageView shows over the (hidden) canvas. A step then costs a resampling and an image upload
 * instead of painting a thousand namespaces; the view paints sharp again when the burst is over. The copy of
 * the picture and the view's image are kept for the next burst (about 16 MB for a 1440x900 view).
 */
final class ZoomPreview {

    private final ImageView node = new ImageView();
    private int[] source = new int[0];
    private PanCache.Picture picture;
    private PixelBuffer<IntBuffer> buffer;
    private boolean active;

    ZoomPreview() {
        node.setManaged(false);
        node.setVisible(false);
        node.setMouseTransparent(true);
    }

    ImageView node() {
        return node;
    }

    boolean active() {
        return active;
    }

    /** Reads back the pixels of {@code canvas}, which holds {@code p} (a snapshot renders what is queued first). */
    void begin(Canvas canvas, PanCache.Picture p) {
        if (source.length != p.w() * p.h()) {
            source = new int[p.w() * p.h()];
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        // the snapshot covers the canvas's bounds in its parent: its pixel (0, 0) is the picture's
        WritableImage grab = canvas.snapshot(params, null);
        grab.getPixelReader().getPixels(0, 0, p.w(), p.h(), PixelFormat.getIntArgbPreInstance(), source, 0, p.w());
        picture = p;
        active = true;
    }

    /** Shows the picture as {@code camera} would see it in a {@code viewW x viewH} view; {@code outside} beyond it. */
    void show(Camera camera, double viewW, double viewH, int outside) {
        int w = (int) Math.ceil(viewW);
        int h = (int) Math.ceil(viewH);
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            buffer = new PixelBuffer<>(w, h, IntBuffer.allocate(w * h), PixelFormat.getIntArgbPreInstance());
            node.setImage(new WritableImage(buffer));
        }
        // view pixel v shows world (v - tx) / scale, which is picture pixel world * picture.scale + origin
        double step = picture.scale() / camera.scale();
        int[] dst = buffer.getBuffer().array();
        PictureStretch.resample(source, picture.w(), picture.h(), dst, w, h, step,
                picture.originX() - camera.tx() * step, picture.originY() - camera.ty() * step, outside);
        buffer.updateBuffer(b -> null);
        node.relocate(0, 0);
        node.setVisible(true);
    }

    /** Hides the stand-in; the next burst reads the picture back again. */
    void end() {
        active = false;
        node.setVisible(false);
    }
}

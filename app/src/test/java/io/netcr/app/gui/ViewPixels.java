package io.netcr.app.gui;

import io.netcr.app.graph.Rect;
import io.netcr.app.gui.canvas.Camera;
import io.netcr.app.gui.canvas.GraphView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * What the graph view shows, as pixels (a snapshot of the view: the canvas, or the zoom preview, under its
 * clip), and the comparisons the repaint tests make of them. Take them on the FX thread.
 */
record ViewPixels(int w, int h, int[] argb) {

    static ViewPixels of(GraphView view) {
        WritableImage img = view.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return new ViewPixels(w, h, px);
    }

    /** How two pictures differ: pixels that differ at all, and the largest difference of one channel. */
    record Difference(long pixels, int worst) {
        @Override
        public String toString() {
            return pixels + " pixels differ, by at most " + worst + " levels";
        }
    }

    Difference against(ViewPixels o) {
        if (w != o.w || h != o.h) {
            return new Difference((long) w * h, 255);
        }
        long off = 0;
        int worst = 0;
        for (int i = 0; i < argb.length; i++) {
            int a = argb[i];
            int b = o.argb[i];
            if (a != b) {
                off++;
                for (int shift = 0; shift < 32; shift += 8) {
                    worst = Math.max(worst, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
                }
            }
        }
        return new Difference(off, worst);
    }

    /** The share of the pixels inside {@code world} (inset by 3 pixels, clear of outlines) that are {@code colour}. */
    double share(Camera camera, Rect world, int colour) {
        int x0 = (int) Math.ceil(camera.toScreenX(world.x())) + 3;
        int y0 = (int) Math.ceil(camera.toScreenY(world.y())) + 3;
        int x1 = (int) Math.floor(camera.toScreenX(world.maxX())) - 3;
        int y1 = (int) Math.floor(camera.toScreenY(world.maxY())) - 3;
        long all = 0;
        long hit = 0;
        for (int y = Math.max(0, y0); y < Math.min(h, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(w, x1); x++) {
                all++;
                if (argb[y * w + x] == colour) {
                    hit++;
                }
            }
        }
        return all == 0 ? 0 : (double) hit / all;
    }
}

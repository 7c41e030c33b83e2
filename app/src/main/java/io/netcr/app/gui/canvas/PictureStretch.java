package io.netcr.app.gui.canvas;

import java.util.Arrays;
/**
 * Resamples a picture (premultiplied ARGB pixels) onto a view at another zoom: what the view shows for a zoom
 * step until the picture is painted sharp at the new zoom. Magnified, bilinearly (smooth, not blocky); made
 * smaller, from the nearest pixel: a 2x2 filter would not smooth that either, and it costs three times as much
 * (each view row needs two picture rows of its own). Done here rather than by a transform on
 * the canvas node because Prism's software pipeline draws any transformed texture at about 40 ms for a
 * 1440x900 view, while this costs a few milliseconds and the result is drawn untransformed. Plain math, no
 * JavaFX.
 */
final class PictureStretch {

    private PictureStretch() {
    }

    /**
     * Fills {@code dst} ({@code dw x dh}) with {@code src} ({@code sw x sh}) such that view pixel (vx, vy) shows
     * picture point (vx * step + offX, vy * step + offY) (pixel corners; {@code step} picture pixels per view
     * pixel). Where that lies outside the picture, {@code outside}.
     */
    static void resample(int[] src, int sw, int sh, int[] dst, int dw, int dh, double step, double offX, double offY,
                         int outside) {
        if (step >= 1) {
            nearest(src, sw, sh, dst, dw, dh, step, offX, offY, outside);
            return;
        }
        int[] col = new int[dw];
        int[] wx = new int[dw];
        for (int x = 0; x < dw; x++) {
            double sx = (x + 0.5) * step + offX - 0.5; // pixel centres line up
            col[x] = (int) Math.floor(sx);
            wx[x] = (int) Math.round((sx - col[x]) * 256);
        }
        // two passes: picture rows resampled across once each (zoomed in, view rows share them), then mixed down
        int[] upper = new int[dw];
        int[] lower = new int[dw];
        int upperRow = Integer.MIN_VALUE;
        int lowerRow = Integer.MIN_VALUE;
        for (int y = 0; y < dh; y++) {
            double sy = (y + 0.5) * step + offY - 0.5;
            int row = (int) Math.floor(sy);
            int wy = (int) Math.round((sy - row) * 256);
            if (upperRow != row) {
                if (lowerRow == row) {
                    int[] t = upper;
                    upper = lower;
                    lower = t;
                    lowerRow = Integer.MIN_VALUE;
                } else {
                    across(src, sw, sh, row, col, wx, upper, outside);
                }
                upperRow = row;
            }
            int out = y * dw;
            if (wy == 0) {
                System.arraycopy(upper, 0, dst, out, dw);
                continue;
            }
            if (lowerRow != row + 1) {
                across(src, sw, sh, row + 1, col, wx, lower, outside);
                lowerRow = row + 1;
            }
            for (int x = 0; x < dw; x++) {
                dst[out + x] = mix(upper[x], lower[x], wy);
            }
        }
    }

    /** Each view pixel takes the picture pixel under its centre. */
    private static void nearest(int[] src, int sw, int sh, int[] dst, int dw, int dh, double step, double offX,
                                double offY, int outside) {
        int[] col = new int[dw];
        for (int x = 0; x < dw; x++) {
            col[x] = (int) Math.floor((x + 0.5) * step + offX);
        }
        for (int y = 0; y < dh; y++) {
            int row = (int) Math.floor((y + 0.5) * step + offY);
            int out = y * dw;
            if (row < 0 || row >= sh) {
                Arrays.fill(dst, out, out + dw, outside);
                continue;
            }
            int base = row * sw;
            for (int x = 0; x < dw; x++) {
                int c = col[x];
                dst[out + x] = c >= 0 && c < sw ? src[base + c] : outside;
            }
        }
    }

    /** Picture row {@code row} resampled across into {@code out}. */
    private static void across(int[] src, int sw, int sh, int row, int[] col, int[] wx, int[] out, int outside) {
        if (row < 0 || row >= sh) {
            Arrays.fill(out, outside);
            return;
        }
        int base = row * sw;
        for (int x = 0; x < out.length; x++) {
            int c = col[x];
            if (c >= 0 && c + 1 < sw) {
                out[x] = mix(src[base + c], src[base + c + 1], wx[x]);
            } else {
                out[x] = mix(at(src, sw, sh, c, row, outside), at(src, sw, sh, c + 1, row, outside), wx[x]);
            }
        }
    }

    /** A picture pixel, or {@code outside} beyond the picture's edge. */
    private static int at(int[] src, int sw, int sh, int x, int y, int outside) {
        return x < 0 || y < 0 || x >= sw || y >= sh ? outside : src[y * sw + x];
    }

    /** {@code p} and {@code q} mixed with {@code w}/256 of {@code q}, channel by channel (two at a time). */
    private static int mix(int p, int q, int w) {
        if (w == 0 || p == q) {
            return p;
        }
        int v = 256 - w;
        int rb = (((p & 0x00FF00FF) * v + (q & 0x00FF00FF) * w) >>> 8) & 0x00FF00FF;
        int ag = ((((p >>> 8) & 0x00FF00FF) * v + ((q >>> 8) & 0x00FF00FF) * w)) & 0xFF00FF00;
        return ag | rb;
    }
}

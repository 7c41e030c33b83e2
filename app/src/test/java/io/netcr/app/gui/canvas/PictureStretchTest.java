package io.netcr.app.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PictureStretchTest {

    private static final int OUT = 0xFF000000;
    private static final int A = 0xFF102030;
    private static final int B = 0xFF30507A;

    /** A 4 x 3 picture whose pixels are numbered. */
    private static final int[] NUMBERED = {
        0xFF000001, 0xFF000002, 0xFF000003, 0xFF000004,
        0xFF000005, 0xFF000006, 0xFF000007, 0xFF000008,
        0xFF000009, 0xFF00000A, 0xFF00000B, 0xFF00000C,
    };

    @Test
    void should_copy_the_picture_at_its_own_zoom_and_show_outside_beyond_it() {
        int[] view = new int[3 * 2];
        PictureStretch.resample(NUMBERED, 4, 3, view, 3, 2, 1, 2, 1, OUT);
        assertArrayEquals(new int[] {0xFF000007, 0xFF000008, OUT, 0xFF00000B, 0xFF00000C, OUT}, view);
    }

    @Test
    void should_blend_neighbours_when_magnifying() {
        int[] view = new int[4];
        PictureStretch.resample(new int[] {A, B, A, B}, 2, 2, view, 4, 1, 0.5, 0, 0.5, OUT);
        // view pixel centres fall on picture x 0.25, 0.75, 1.25, 1.75, i.e. a quarter before, after, ... the
        // picture's pixel centres (0.5, 1.5); beyond the picture's edge the outside colour is blended in
        assertArrayEquals(new int[] {blend(OUT, A, 192), blend(A, B, 64), blend(A, B, 192), blend(B, OUT, 64)}, view);
    }

    @Test
    void should_take_the_nearest_pixel_when_shrinking() {
        int[] view = new int[2 * 1];
        PictureStretch.resample(NUMBERED, 4, 3, view, 2, 1, 2, 0, 0, OUT);
        assertArrayEquals(new int[] {0xFF000006, 0xFF000008}, view);
    }

    /** {@code p} and {@code q}, {@code w}/256 of {@code q}, per channel, rounded down. */
    private static int blend(int p, int q, int w) {
        int out = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int c = (((p >>> shift) & 0xFF) * (256 - w) + ((q >>> shift) & 0xFF) * w) >> 8;
            out |= c << shift;
        }
        return out;
    }
}

package io.netcr.app.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netcr.app.graph.Rect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PictureDamageTest {

    /** A 1000 x 800 picture of the world at scale 2, world (0, 0) at pixel (100, 50). */
    private static final PanCache.Picture PICTURE = new PanCache.Picture(2, 100, 50, 1000, 800,
            new Rect(-50, -25, 500, 400));

    @Test
    void should_cover_a_world_rectangle_with_whole_pixels() {
        assertEquals(List.of(new PictureDamage.Px(100, 50, 21, 11)),
                PictureDamage.of(List.of(new Rect(0, 0, 10.2, 5.1)), PICTURE));
    }

    @Test
    void should_merge_neighbours_and_keep_far_ones_apart() {
        List<PictureDamage.Px> px = PictureDamage.of(List.of(new Rect(0, 0, 20, 20), new Rect(15, 0, 20, 20),
                new Rect(300, 300, 20, 20)), PICTURE);
        assertEquals(List.of(new PictureDamage.Px(100, 50, 70, 40), new PictureDamage.Px(700, 650, 40, 40)), px);
    }

    @Test
    void should_leave_out_what_is_not_in_the_picture_and_cut_what_overhangs() {
        assertEquals(List.of(new PictureDamage.Px(0, 0, 110, 70)),
                PictureDamage.of(List.of(new Rect(-2000, -2000, 10, 10), new Rect(-100, -100, 105, 110)), PICTURE));
    }

    @Test
    void should_paint_all_when_patches_would_cost_as_much() {
        assertNull(PictureDamage.of(List.of(new Rect(-50, -25, 400, 300)), PICTURE), "most of the picture");
        // small and far apart along a diagonal, so that no two are worth merging
        PanCache.Picture big = new PanCache.Picture(1, 0, 0, 5000, 5000, new Rect(0, 0, 5000, 5000));
        List<Rect> scattered = new ArrayList<>();
        for (int i = 0; i <= PictureDamage.MAX_RECTS; i++) {
            scattered.add(new Rect(i * 150, i * 150, 4, 4));
        }
        assertNull(PictureDamage.of(scattered, big), "too many rectangles");
        assertEquals(PictureDamage.MAX_RECTS, PictureDamage.of(scattered.subList(1, scattered.size()), big).size());
    }
}

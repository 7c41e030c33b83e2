package io.netcr.app.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.graph.Rect;
import org.junit.jupiter.api.Test;

class PanCacheTest {

    private static final Rect BIG = new Rect(-5_000, -5_000, 10_000, 10_000);
    private final Object drawing = new Object();
    private final PanCache cache = new PanCache(100);
    private final Camera camera = new Camera();

    private PanCache.Placement place(Object state) {
        return cache.place(drawing, state, camera, 400, 300, BIG);
    }

    @Test
    void should_paint_the_view_and_its_margin_first() {
        PanCache.Placement at = place("s");
        assertTrue(at.repaint());
        assertEquals(-100, at.x());
        assertEquals(600, at.w());
        assertEquals(500, at.h());
        assertEquals(new Rect(-100, -100, 600, 500), at.visible());
    }

    @Test
    void should_move_the_picture_while_panning_by_whole_pixels_within_the_margin() {
        place("s");
        camera.pan(60, -40);
        PanCache.Placement at = place("s");
        assertFalse(at.repaint());
        assertEquals(-40, at.x());
        assertEquals(-140, at.y());
        assertEquals(1, cache.repaints());
    }

    @Test
    void should_paint_again_when_the_view_leaves_the_picture() {
        place("s");
        camera.pan(101, 0);
        assertTrue(place("s").repaint());
    }

    @Test
    void should_not_paint_again_while_all_that_is_drawn_stays_in_the_picture() {
        Rect small = new Rect(50, 50, 100, 100);
        cache.place(drawing, "s", camera, 400, 300, small);
        camera.pan(-500, 0); // far beyond the margin, but the drawing is off screen now: nothing to show
        assertFalse(cache.place(drawing, "s", camera, 400, 300, small).repaint());
        camera.pan(480, 0);
        assertFalse(cache.place(drawing, "s", camera, 400, 300, small).repaint());
    }

    @Test
    void should_paint_again_on_zoom_state_drawing_resize_or_sub_pixel_pan() {
        place("s");
        assertTrue(place("selected").repaint());
        camera.zoomAt(1.2, 10, 10);
        assertTrue(place("selected").repaint());
        assertTrue(cache.place(new Object(), "selected", camera, 400, 300, BIG).repaint());
        assertTrue(cache.place(drawing, "selected", camera, 401, 300, BIG).repaint());
        assertFalse(cache.place(drawing, "selected", camera, 401, 300, BIG).repaint());
        camera.pan(0.5, 0);
        assertTrue(cache.place(drawing, "selected", camera, 401, 300, BIG).repaint());
        cache.invalidate();
        assertTrue(cache.place(drawing, "selected", camera, 401, 300, BIG).repaint());
    }

    @Test
    void should_say_where_the_world_lies_on_the_picture_and_what_it_was_painted_for() {
        camera.zoomAt(2, 0, 0);
        camera.pan(30, 20);
        place("s");
        camera.pan(7, -3); // a pan keeps the picture: its mapping stays the one it was painted with
        place("s");
        PanCache.Picture p = cache.picture();
        assertEquals(2, p.scale());
        assertEquals(130, p.originX());
        assertEquals(120, p.originY());
        assertEquals(600, p.w());
        assertTrue(cache.holds(drawing, "s", 400, 300));
        assertFalse(cache.holds(drawing, "t", 400, 300));
        assertFalse(cache.holds(drawing, "s", 401, 300));
        cache.invalidate();
        assertEquals(null, cache.picture());
    }

    @Test
    void should_keep_big_views_within_a_texture() {
        assertEquals(0, cache.marginFor(4096, 2000));
        assertEquals(100, cache.marginFor(1440, 900));
    }
}

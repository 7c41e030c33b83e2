package io.netcr.app.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.graph.Rect;
import org.junit.jupiter.api.Test;

class CameraTest {

    private final Camera camera = new Camera();

    @Test
    void should_keep_the_point_under_the_cursor_when_zooming() {
        camera.pan(30, -20);
        double wx = camera.toWorldX(200);
        double wy = camera.toWorldY(150);
        camera.zoomAt(1.7, 200, 150);
        assertEquals(200, camera.toScreenX(wx), 1e-9);
        assertEquals(150, camera.toScreenY(wy), 1e-9);
    }

    @Test
    void should_fit_the_world_centred_in_the_view() {
        Rect world = new Rect(100, 50, 2000, 1000);
        camera.fit(world, 1000, 800);
        assertEquals(0.5, camera.scale(), 1e-9);
        assertEquals(500, camera.toScreenX(world.centerX()), 1e-9);
        assertEquals(400, camera.toScreenY(world.centerY()), 1e-9);
        assertTrue(camera.visibleWorld(1000, 800).containsRect(world));
    }

    @Test
    void should_not_magnify_a_small_graph_past_its_natural_size_when_fitting() {
        camera.fit(new Rect(0, 0, 100, 100), 1000, 1000);
        assertEquals(1.25, camera.scale(), 1e-9);
    }
}

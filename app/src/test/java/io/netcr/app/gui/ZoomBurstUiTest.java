package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.canvas.GraphView;
import io.netcr.model.SubjectPath;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A burst of wheel notches shows the picture stretched, paints nothing, and once the wheel rests (the view's
 * own timer, nothing called from here) paints the frame a fresh whole repaint gives.
 */
@ExtendWith(ApplicationExtension.class)
class ZoomBurstUiTest {

    private static final SubjectPath WEB_ETH0 = SubjectPath.parse("netns:web/dev:eth0");
    /** Long enough that a busy machine cannot end a burst of three notches early. */
    private static final Duration REST = Duration.seconds(2);

    private WindowUnderTest ui;
    private WorkbenchViewModel vm;
    private GraphView graph;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage);
        vm = ui.vm;
        graph = ui.window.graph();
    }

    @BeforeEach
    void open_the_sample(FxRobot robot) throws Exception {
        ui.openDiagnosticsSample(robot);
        robot.interact(() -> graph.setZoomSettle(REST));
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    // (TestFX's glass robot turns the wheel "up" as a negative delta: away from the graph)

    @Test
    void should_stretch_while_zooming_out_and_paint_a_fresh_frame_once_the_wheel_rests(FxRobot robot) throws Exception {
        burst(robot, VerticalDirection.UP, 1 / 1.2, "out");
    }

    @Test
    void should_stretch_while_zooming_in_and_paint_a_fresh_frame_once_the_wheel_rests(FxRobot robot) throws Exception {
        robot.interact(() -> vm.selection().select(WEB_ETH0)); // a selection in the picture, kept through the zoom
        ui.settle();
        burst(robot, VerticalDirection.DOWN, 1.2, "in");
    }

    @Test
    void should_show_the_picture_itself_when_a_burst_comes_back_to_the_zoom_it_was_painted_at(FxRobot robot)
            throws Exception {
        ViewPixels before = pixels();
        long paints = graph.redrawCount();
        robot.moveTo(graph.screenPointOf(WEB_ETH0).orElseThrow()).scroll(2, VerticalDirection.DOWN)
                .scroll(2, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph.isStretched(), "the picture stands in while the wheel turns");
        assertEquals(paints, graph.redrawCount(), "nothing painted during the burst");
        // stretched 1:1, the stand-in is the picture read back and put where it was: pixel for pixel
        ViewPixels.Difference d = pixels().against(before);
        assertEquals(0, d.pixels(), "the stand-in at the picture's zoom against the picture: " + d);
    }

    private void burst(FxRobot robot, VerticalDirection direction, double notch, String name) throws Exception {
        Point2D at = graph.screenPointOf(WEB_ETH0).orElseThrow();
        double scale = graph.camera().scale();
        long paints = graph.redrawCount();
        ViewPixels before = pixels();

        robot.moveTo(at).scroll(3, direction);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(scale * notch * notch * notch, graph.camera().scale(), 1e-9 * scale, "three notches " + name);
        assertTrue(graph.isStretched(), "the picture stands in while the wheel turns");
        assertEquals(paints, graph.redrawCount(), "nothing painted during the burst");
        ViewPixels stretched = pixels();
        assertTrue(stretched.against(before).pixels() > 0, "the stand-in shows the zoom");
        robot.interact(() -> Screenshots.write(graph, "zoom-" + name + "-stretched"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !graph.isDirty()); // the timer ends the burst
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(graph.isStretched());
        assertEquals(paints + 1, graph.redrawCount(), "one sharp frame after the burst");
        ViewPixels settled = pixels();
        assertTrue(settled.against(stretched).pixels() > 0, "the sharp frame took the stand-in's place");
        robot.interact(() -> Screenshots.write(graph, "zoom-" + name + "-settled"));
        Point2D now = graph.screenPointOf(WEB_ETH0).orElseThrow();
        assertEquals(at.getX(), now.getX(), 1.0, "zoomed around the cursor");
        assertEquals(at.getY(), now.getY(), 1.0);

        robot.interact(graph::repaintAll);
        ui.settle();
        ViewPixels.Difference fresh = settled.against(pixels());
        assertEquals(0, fresh.pixels(), "the frame after the burst against a fresh whole repaint: " + fresh);
    }

    private ViewPixels pixels() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ViewPixels.of(graph)).get(10, TimeUnit.SECONDS);
    }
}

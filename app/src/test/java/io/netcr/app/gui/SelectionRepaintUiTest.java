package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.BenchSnapshots;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.EdgeKind;
import io.netcr.app.graph.EdgeShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.gui.canvas.GraphView;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A click repaints only where the selection changes something (the device, its peer, their link): the window
 * shows the right highlight, and exactly the pixels a whole repaint of the picture gives, at full detail and
 * zoomed out to the plain shapes.
 */
@ExtendWith(ApplicationExtension.class)
class SelectionRepaintUiTest {

    private static final SubjectPath WEB_ETH0 = SubjectPath.parse("netns:web/dev:eth0");
    private static final SubjectPath HOST_VH_WEB = SubjectPath.parse("netns:host/dev:vh-web");
    private static final SubjectPath DB_ETH1 = SubjectPath.parse("netns:db/dev:eth1");
    private static final SubjectPath LAN = SubjectPath.parse("netns:lan");

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
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    @Test
    void should_light_the_clicked_veth_and_its_peer_and_leave_other_devices_alone(FxRobot robot) throws Exception {
        ViewPixels before = pixels();
        long patches = graph.patchCount();
        robot.clickOn(graph.screenPointOf(WEB_ETH0).orElseThrow());
        ui.settle();

        assertEquals(WEB_ETH0, vm.selection().getSelected());
        assertEquals(Set.of(HOST_VH_WEB), vm.selection().highlighted());
        assertEquals(patches + 1, graph.patchCount(), "the click repainted only where it changed something");
        ViewPixels after = pixels();
        assertTrue(after.share(graph.camera(), bounds(WEB_ETH0), Palette.SELECT_FILL) > 0.3, "the device is selected");
        assertTrue(after.share(graph.camera(), bounds(HOST_VH_WEB), Palette.PEER_FILL) > 0.3, "its peer is lit");
        assertEquals(0, before.share(graph.camera(), bounds(WEB_ETH0), Palette.SELECT_FILL));
        assertEquals(0, before.share(graph.camera(), bounds(HOST_VH_WEB), Palette.PEER_FILL));
        double plain = before.share(graph.camera(), bounds(DB_ETH1), Palette.NODE_FILL);
        assertTrue(plain > 0.3, "an uninvolved device is plain");
        assertEquals(plain, after.share(graph.camera(), bounds(DB_ETH1), Palette.NODE_FILL), "and stays so");
        robot.interact(() -> Screenshots.write(graph, "click-veth-patched"));

        assertSameAsWholeRepaint(robot, "the click");
    }

    @Test
    void should_patch_the_pixels_a_whole_repaint_gives_at_full_detail(FxRobot robot) throws Exception {
        assertTrue(graph.camera().scale() >= GraphPainter.FADE_UNTIL, "the sample is drawn in full detail: "
                + graph.camera().scale());
        select(robot, WEB_ETH0, "detail-veth");
        select(robot, DB_ETH1, "detail-other-device");
        select(robot, LAN, "detail-namespace");
        select(robot, HOST_VH_WEB, "detail-peer-side");
        select(robot, null, "detail-nothing");
    }

    @Test
    void should_patch_the_overview_where_a_card_is_outlined_as_a_whole_repaint_would(FxRobot robot) throws Exception {
        Snapshot mesh = BenchSnapshots.mesh(200);
        GraphDrawing drawing = Exports.layout(mesh, false);
        robot.interact(() -> vm.activate(Document.of(WorkbenchSource.file(Path.of("mesh-200.netcr")), mesh, drawing)));
        ui.settle();
        assertTrue(graph.showsCards(), "zoomed out to the overview: " + graph.camera().scale());
        Rect seen = graph.camera().visibleWorld(graph.getWidth(), graph.getHeight());
        BoxShape box = drawing.boxes().stream().filter(b -> seen.containsRect(b.bounds())).skip(3).findFirst()
                .orElseThrow();
        SubjectPath device = drawing.nodes().stream().filter(n -> box.id().equals(n.box())).skip(1).findFirst()
                .orElseThrow().id();
        ViewPixels before = pixels();
        select(robot, device, "overview-device"); // a device's mark is on its namespace's card
        double outlined = outline(pixels(), box.bounds());
        assertTrue(outlined > 0.5 && outline(before, box.bounds()) < 0.05, "the card is outlined in the selection's "
                + "colour: " + outlined);
        select(robot, drawing.boxes().get(0).id(), "overview-hub");
        select(robot, null, "overview-nothing");
    }

    /** The share of the pixels just inside the top edge of {@code world} that are the selection's colour. */
    private double outline(ViewPixels px, Rect world) {
        double y = graph.camera().toScreenY(world.y()) + 1;
        int x0 = (int) Math.ceil(graph.camera().toScreenX(world.x())) + 6;
        int x1 = (int) Math.floor(graph.camera().toScreenX(world.maxX())) - 6;
        int hit = 0;
        for (int x = x0; x < x1; x++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (px.argb()[((int) y + dy) * px.w() + x] == Palette.SELECT) {
                    hit++;
                    break;
                }
            }
        }
        return x1 <= x0 ? 0 : (double) hit / (x1 - x0);
    }

    /**
     * Selects {@code path}: the view must change, by a patch, to the pixels of a whole repaint. (The old or the new
     * selection is in view every time, so an equal frame before would mean that nothing was drawn.)
     */
    private void select(FxRobot robot, SubjectPath path, String name) throws Exception {
        long patches = graph.patchCount();
        ViewPixels before = pixels();
        robot.interact(() -> vm.selection().select(path));
        ui.settle();
        assertEquals(patches + 1, graph.patchCount(), name + ": repainted only where the selection changed");
        assertTrue(pixels().against(before).pixels() > 0, name + ": the view shows the change");
        robot.interact(() -> Screenshots.write(graph, "selection-" + name));
        assertSameAsWholeRepaint(robot, name);
    }

    private void assertSameAsWholeRepaint(FxRobot robot, String name) throws Exception {
        ViewPixels patched = pixels();
        robot.interact(graph::repaintAll);
        ui.settle();
        ViewPixels whole = pixels();
        ViewPixels.Difference d = patched.against(whole);
        assertEquals(0, d.pixels(), name + ", patched against a whole repaint: " + d);
    }

    private Rect bounds(SubjectPath path) {
        return vm.getActive().drawing().boundsOf(path).orElseThrow();
    }

    private ViewPixels pixels() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ViewPixels.of(graph)).get(10, TimeUnit.SECONDS);
    }
}

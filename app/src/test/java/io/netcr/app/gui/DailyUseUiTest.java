package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.gui.canvas.GraphView;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointSelector;
import io.netcr.model.image.ImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The operator's actions at hand, on a window whose "this host" is the test sample (no kernel: checkpoint
 * and restore go to {@link TestOps}, images are real files): the tool bar, the graph's context menu, the
 * checkpoint dialog preselecting the graph's namespace and offering Restore… of what it wrote, the restore
 * dialog's default image, a path typed and pasted into it, and image files dropped on the dialog and on the
 * window ({@link Drops}).
 */
@ExtendWith(ApplicationExtension.class)
class DailyUseUiTest {

    private static final SubjectPath WEB_ETH1 = SubjectPath.parse("netns:web/dev:eth1");
    private static final SubjectPath WEB = SubjectPath.parse("netns:web");

    private final Snapshot host = Fixtures.demo();
    private final FakeHost live = new FakeHost(() -> new ReadResult(host, List.of()));
    private Path dir;
    private TestOps ops;
    private WindowUnderTest ui;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("netcr-ui-daily-");
        ops = new TestOps(host, dir);
        ui = WindowUnderTest.show(stage, live, ops);
    }

    @BeforeEach
    void read_this_host(FxRobot robot) throws Exception {
        robot.interact(ui.vm::openLive);
        waitFor(() -> ui.vm.getActive() != null && ui.vm.getActive().live() && !ui.vm.busyProperty().get());
        ui.settle();
    }

    @AfterEach
    void tear_down(FxRobot robot) throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != ui.window.scene().getWindow())
                .filter(Stage.class::isInstance).map(Stage.class::cast).toList().forEach(Stage::close));
        ui.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    /** An image of the sample's namespace "web", as a checkpoint of it writes. */
    private Path webImage() throws Exception {
        Path web = dir.resolve("web.netcr");
        ImageWriter.write(CheckpointSelector.select(host, List.of("web"), false, CheckpointOptions.defaults()).image(), web);
        return web;
    }

    /** An image of one namespace "solo" with its loopback only. */
    private Path soloImage() throws Exception {
        Path solo = dir.resolve("solo.netcr");
        ImageWriter.write(new Snapshot(new Source(Source.IMAGE, "test", null, null, null, "test"), List.of(
                new Namespace("nsfs:9", List.of("solo"), false, List.of(Device.builder(1, "lo", Device.LOOPBACK)
                        .up(true).build()))), List.of()), solo);
        return solo;
    }

    private ButtonBase tool(String id) {
        return ui.window.toolBar().button(id);
    }

    private <T extends Node> T dialogNode(FxRobot robot, String id, Class<T> type) throws Exception {
        waitFor(() -> robot.lookup("#" + id).tryQuery().isPresent());
        return robot.lookup("#" + id).queryAs(type);
    }

    @Test
    void should_offer_every_action_with_its_shortcut_and_run_the_view_ones(FxRobot robot) throws Exception {
        for (String[] t : new String[][] {{"open", "Ctrl+O"}, {"refresh", "F5"}, {"checkpoint", "Ctrl+K"},
                {"restore", "Ctrl+R"}, {"export", "Ctrl+E"}, {"fit", "Ctrl+0"}}) {
            String tip = tool(t[0]).getTooltip().getText();
            assertTrue(tip.endsWith("(" + t[1] + ")"), t[0] + ": " + tip);
            assertFalse(tool(t[0]).isDisabled(), t[0]);
        }
        assertTrue(tool("compare").getTooltip() != null);
        robot.interact(() -> Screenshots.write(ui.window.toolBar().node(), "toolbar"));

        GraphView graph = ui.window.graph();
        double fit = graph.camera().scale();
        robot.clickOn(tool("zoom-in"));
        ui.settle();
        assertEquals(fit * 1.25, graph.camera().scale(), 1e-9);
        robot.clickOn(tool("fit"));
        ui.settle();
        assertEquals(fit, graph.camera().scale(), 1e-9);

        int reads = live.reads;
        robot.clickOn(tool("refresh"));
        waitFor(() -> live.reads == reads + 1 && !ui.vm.busyProperty().get());

        robot.interact(() -> ui.vm.selection().select(WEB));
        robot.clickOn(tool("checkpoint"));
        assertTrue(dialogNode(robot, "ns-web", CheckBox.class).isSelected(), "the graph's namespace is checked");
        assertFalse(robot.lookup("#ns-db").queryAs(CheckBox.class).isSelected());
    }

    @Test
    void should_checkpoint_a_namespace_from_its_context_menu_then_restore_what_was_written(FxRobot robot)
            throws Exception {
        assertTrue(ui.window.graph().camera().scale() >= GraphPainter.FADE_UNTIL, "devices are drawn");
        robot.rightClickOn(ui.window.graph().screenPointOf(WEB_ETH1).orElseThrow());
        waitFor(() -> ui.window.objectMenu().isShowing());
        robot.interact(() -> Screenshots.write(ui.window.objectMenu().getScene(), "context-menu"));
        assertEquals(WEB_ETH1, ui.vm.selection().getSelected(), "a right click selects");
        robot.clickOn("Checkpoint this namespace…");

        assertTrue(dialogNode(robot, "ns-web", CheckBox.class).isSelected(), "the namespace is checked");
        assertFalse(robot.lookup("#ns-db").queryAs(CheckBox.class).isSelected());
        Path image = Path.of(robot.lookup("#checkpoint-output").queryAs(TextField.class).getText());
        assertEquals(dir, image.getParent());
        robot.clickOn("#checkpoint-run");
        waitFor(() -> Files.exists(image) && robot.lookup("#checkpoint-restore").queryButton().isVisible());
        assertEquals(List.of(List.of("web")), ops.checkpoints);
        assertEquals(List.of(image), ops.written);
        robot.clickOn("#checkpoint-restore");

        TextField field = dialogNode(robot, "restore-image", TextField.class);
        assertEquals(image.toString(), field.getText(), "the image just checkpointed is proposed");
        ListView<?> steps = robot.lookup("#restore-steps").queryAs(ListView.class);
        waitFor(() -> steps.getItems().stream().anyMatch(s -> s.toString().contains("ip netns add web")));
        robot.interact(() -> Screenshots.write(field.getScene(), "restore-after-checkpoint"));
    }

    @Test
    void should_restore_the_open_image_by_default_and_take_a_typed_or_pasted_path(FxRobot robot) throws Exception {
        Path web = webImage();
        Path solo = soloImage();
        robot.interact(() -> ui.vm.open(web));
        waitFor(() -> ui.vm.getActive() != null && !ui.vm.getActive().live() && !ui.vm.busyProperty().get());
        robot.clickOn(tool("restore"));
        TextField field = dialogNode(robot, "restore-image", TextField.class);
        assertEquals(web.toString(), field.getText(), "the open image is proposed");
        ListView<?> steps = robot.lookup("#restore-steps").queryAs(ListView.class);
        waitFor(() -> steps.getItems().stream().anyMatch(s -> s.toString().contains("ip netns add web")));

        robot.doubleClickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(solo.toString()).type(KeyCode.ENTER);
        waitFor(() -> steps.getItems().stream().anyMatch(s -> s.toString().contains("ip netns add solo")));

        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(web.toString());
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL).type(KeyCode.ENTER);
        waitFor(() -> steps.getItems().stream().anyMatch(s -> s.toString().contains("ip netns add web")));
        assertEquals(web.toString(), field.getText());
    }
    @Test
    void should_take_an_image_dropped_on_the_restore_dialog_and_open_one_dropped_on_the_window(FxRobot robot)
            throws Exception {
        Path web = webImage();
        Path solo = soloImage();
        robot.clickOn(tool("restore"));
        TextField field = dialogNode(robot, "restore-image", TextField.class);
        ListView<?> steps = robot.lookup("#restore-steps").queryAs(ListView.class);

        Drops.Outcome onField = onFx(() -> Drops.drop(field, List.of(solo.toFile())));
        assertEquals(TransferMode.COPY, onField.accepted(), "the field takes a dragged file");
        assertTrue(onField.completed(), "and says the drop was done");
        waitFor(() -> steps.getItems().stream().anyMatch(s -> s.toString().contains("ip netns add solo")));
        assertEquals(solo.toString(), field.getText());

        Drops.Outcome onDialog = onFx(() -> Drops.drop(steps, List.of(web.toFile(), solo.toFile())));
        assertTrue(onDialog.completed(), "anywhere on the dialog");
        waitFor(() -> steps.getItems().stream().anyMatch(s -> s.toString().contains("ip netns add web")));
        assertEquals(web.toString(), field.getText(), "the first of several files dropped");

        robot.interact(() -> ((Stage) field.getScene().getWindow()).close());
        Drops.Outcome onWindow = onFx(() -> Drops.drop(ui.window.graph(), List.of(solo.toFile())));
        assertTrue(onWindow.completed());
        waitFor(() -> ui.vm.getActive() != null && !ui.vm.getActive().live() && !ui.vm.busyProperty().get());
        assertEquals(List.of("solo"), ui.vm.getActive().snapshot().namespaces().get(0).names(),
                "a file dropped on the window is opened");
    }
}

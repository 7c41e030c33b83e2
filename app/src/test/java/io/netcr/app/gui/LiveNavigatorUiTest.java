package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.Fixtures;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The navigator on a followed host (a fake monitor on the test sample): an update that changes one device shows the
 * new device, takes over the entries of what did not change (a thousand namespaces would otherwise be made again
 * twice per update), and its entries, kept or new, still select in the document shown now.
 */
@ExtendWith(ApplicationExtension.class)
class LiveNavigatorUiTest {

    private final Snapshot host = Fixtures.demo();
    private final FakeHost live = new FakeHost(() -> new ReadResult(host, List.of())).followable();
    private WindowUnderTest ui;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage, live, null);
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    private TreeItem<NavigatorView.Item> entry(String namespace, String device) {
        TreeItem<NavigatorView.Item> ns = ui.window.navigator().getRoot().getChildren().get(0).getChildren().stream()
                .filter(i -> i.getValue().path().equals(SubjectPath.parse("netns:" + namespace))).findFirst()
                .orElseThrow();
        if (device == null) {
            return ns;
        }
        SubjectPath dev = SubjectPath.parse("netns:" + namespace + "/dev:" + device);
        return ns.getChildren().stream().filter(i -> i.getValue().path().equals(dev)).findFirst().orElseThrow();
    }

    @Test
    void should_show_the_changed_device_keep_the_rest_and_select_in_the_document_shown_now(FxRobot robot)
            throws Exception {
        robot.interact(ui.vm::openLive);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.watch != null && !ui.vm.busyProperty().get());
        live.watch.started(host);
        ui.settle();
        Namespace web = host.namespaces().stream().filter(n -> n.label().equals("web")).findFirst().orElseThrow();
        Namespace other = host.namespaces().stream().filter(n -> !n.label().equals("web")).findFirst().orElseThrow();
        Device eth1 = web.device("eth1").orElseThrow();
        Device kept = web.devices().stream().filter(d -> d != eth1).findFirst().orElseThrow();
        TreeItem<NavigatorView.Item> otherBefore = entry(other.label(), null);
        TreeItem<NavigatorView.Item> keptBefore = entry("web", kept.name());
        TreeItem<NavigatorView.Item> eth1Before = entry("web", "eth1");

        Device renamed = eth1.toBuilder().name("uplink").build();
        Namespace changed = web.withDevices(web.devices().stream().map(d -> d == eth1 ? renamed : d).toList());
        Delta delta = new Delta(Delta.Kind.DEVICE, ChangeKind.CHANGED, web.id(), web.label(), null, "uplink",
                List.of(new Delta.Field("name", "eth1", "uplink")));
        LiveUpdate update = new LiveUpdate(List.of(changed), List.of(), List.of(delta), false);
        Snapshot after = update.applyTo(host);
        live.watch.updated(update, after);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.vm.getActive().snapshot() == after);
        ui.settle();

        assertSame(otherBefore, entry(other.label(), null), "a namespace the update left alone keeps its entry");
        assertSame(keptBefore, entry("web", kept.name()), "so does a device of the changed namespace left alone");
        TreeItem<NavigatorView.Item> uplink = entry("web", "uplink");
        assertNotSame(eth1Before, uplink);
        assertTrue(entry("web", null).getChildren().stream().noneMatch(i -> i.getValue().text().startsWith("eth1")),
                "the old name is gone");

        SubjectPath keptPath = keptBefore.getValue().path();
        robot.interact(() -> ui.vm.selection().select(keptPath));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(keptBefore, ui.window.navigator().getSelectionModel().getSelectedItem(),
                "the shared selection shows on the kept entry");
        robot.interact(() -> ui.window.navigator().getSelectionModel().select(uplink));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(uplink.getValue().path(), ui.vm.selection().getSelected(), "picking an entry selects it");
        robot.interact(() -> ui.window.navigator().getSelectionModel().select(otherBefore));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(after, ui.vm.getActive().snapshot(), "a kept entry selects in the document shown now");
    }
}

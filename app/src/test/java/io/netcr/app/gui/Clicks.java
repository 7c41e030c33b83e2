package io.netcr.app.gui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks as a user makes them, on nodes a user can see. A robot clicks at a node's screen position even
 * when a scroll pane has it out of view (a host with more namespaces than the list shows), and the click
 * then lands on whatever is drawn there: so the node is scrolled into view first, as the user would.
 */
final class Clicks {

    private Clicks() {
    }

    /** Scrolls the check box with this id into view, clicks it, and waits until it is checked. */
    static void check(FxRobot robot, String id) throws TimeoutException {
        CheckBox box = robot.lookup("#" + id).queryAs(CheckBox.class);
        robot.interact(() -> scrollIntoView(box));
        robot.clickOn(box);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, box::isSelected);
    }

    /** Sets the nearest enclosing scroll pane's vertical position so that the node is inside its viewport. */
    static void scrollIntoView(Node node) {
        Parent p = node.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof ScrollPane pane) || pane.getContent() == null) {
            return;
        }
        pane.layout();
        Node content = pane.getContent();
        double hidden = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
        if (hidden <= 0) {
            return;
        }
        Bounds at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = Math.min(at.getMinY(), hidden);
        pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * top / hidden);
        pane.layout();
    }
}

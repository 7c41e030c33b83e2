package io.netcr.app.gui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Files dropped on a node as a file manager drops them: a DRAG_OVER then a DRAG_DROPPED carrying a
 * dragboard with the files in it, offering copy, move and link as Nautilus and Dolphin do, sent through the
 * node's event dispatch chain at its centre, so every filter and handler on the way (the scene's, the
 * dialog's, the field's) sees them. Only the desktop's half is stood in for: the robot cannot start a drag from
 * outside the application, which is where a dropped image comes from, and headless Glass has no drag source;
 * the dragboard is JavaFX's own class over a clipboard holding the files. Call on the FX thread.
 */
final class Drops {

    /** What the drop did: the transfer mode the target accepted over it, and whether it said it was done. */
    record Outcome(TransferMode accepted, boolean completed) {
    }

    private Drops() {
    }

    static Outcome drop(Node target, List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new FileManagerDrag(files));
        Bounds b = target.localToScene(target.getBoundsInLocal());
        Point2D scene = new Point2D(b.getCenterX(), b.getCenterY());
        Point2D screen = target.localToScreen(target.sceneToLocal(scene));
        DragEvent over = event(DragEvent.DRAG_OVER, target, board, scene, screen);
        Event.fireEvent(target, over);
        DragEvent dropped = event(DragEvent.DRAG_DROPPED, target, board, scene, screen);
        Event.fireEvent(target, dropped);
        return new Outcome(over.getAcceptedTransferMode(), dropped.isDropCompleted());
    }

    private static DragEvent event(javafx.event.EventType<DragEvent> type, Node target, Dragboard board,
            Point2D scene, Point2D screen) {
        return new DragEvent(target, target, type, board, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                TransferMode.COPY, null, target, null);
    }

    /** What a file manager's drag holds: the files, and the transfers it allows. */
    private static final class FileManagerDrag implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        FileManagerDrag(List<File> files) {
            content.put(DataFormat.FILES, List.copyOf(files));
            content.put(DataFormat.URL, files.get(0).toURI().toString());
        }

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            return false; // the drop target only reads
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double x) {
        }

        @Override
        public void setDragViewOffsetY(double y) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}

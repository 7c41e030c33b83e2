package io.netcr.app.gui.ops;

import io.netcr.app.gui.Styles;
import io.netcr.app.gui.Theme;
import io.netcr.icons.Icons;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the dialogs share: the header, section titles, the stage. */
public final class DialogParts {

    public static final String HEADER = "dialog-header";
    public static final String HEADER_TITLE = "dialog-title";
    public static final String HEADER_TEXT = "dialog-subtitle";
    public static final String SECTION = "dialog-section";
    public static final String STATUS = "dialog-status";
    public static final String MONO = "mono";

    private DialogParts() {
    }

    public static VBox header(String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add(HEADER_TITLE);
        Label s = new Label(text);
        s.getStyleClass().add(HEADER_TEXT);
        s.setWrapText(true);
        VBox box = new VBox(2, t, s);
        box.getStyleClass().add(HEADER);
        return box;
    }

    public static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(SECTION);
        return l;
    }

    public static Region spring() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public static VBox grow(Node... nodes) {
        VBox box = new VBox(6, nodes);
        VBox.setVgrow(nodes[nodes.length - 1], Priority.ALWAYS);
        return box;
    }

    /** A window-modal dialog stage over {@code owner} (none in tests that show the dialog alone). */
    public static Stage stage(Window owner, String title, Parent root, double width, double height) {
        Theme.ensureApplied();
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(DialogParts.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        for (int size : new int[] {16, 32, 48}) {
            stage.getIcons().add(new Image(Icons.url(Icons.APP, size).toExternalForm()));
        }
        return stage;
    }
}

package io.netcr.app.gui.ops;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * The restore dialog's image: a path that can be typed or pasted (it is taken on Enter and when the field
 * loses the focus), chosen with Browse…, or dropped from a file manager onto the field or the dialog. The
 * field shows the image the view-model holds, whichever way it was set.
 */
final class ImagePathField {

    private final TextField field = new TextField();
    private final ObjectProperty<Path> image;

    ImagePathField(ObjectProperty<Path> image) {
        this.image = image;
        field.setId("restore-image");
        field.setPromptText("type or paste a path, Browse…, or drop an image here");
        show(image.get());
        image.addListener((o, was, now) -> show(now));
        field.setOnAction(e -> take());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                take();
            }
        });
        acceptDrops(field, image);
    }

    TextField node() {
        return field;
    }

    private void show(Path p) {
        String text = p == null ? "" : p.toString();
        if (!text.equals(field.getText())) {
            field.setText(text);
        }
    }

    /** The typed text as the image, when it names another one than the view-model holds. */
    private void take() {
        String text = field.getText() == null ? "" : field.getText().trim();
        if (text.isEmpty()) {
            return;
        }
        try {
            Path typed = Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text)
                    .toAbsolutePath().normalize();
            if (!typed.equals(image.get())) {
                image.set(typed);
            }
        } catch (InvalidPathException e) {
            // not a path at all: left as typed; reading it would only say the same
        }
    }

    /** A file dropped on {@code target} becomes the image (the first, when several are dropped). */
    static void acceptDrops(Node target, ObjectProperty<Path> image) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean done = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (done) {
                File f = e.getDragboard().getFiles().get(0);
                image.set(f.toPath().toAbsolutePath().normalize());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}

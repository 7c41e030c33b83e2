package io.netcr.app.gui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * Table columns of text whose cells can carry a style class chosen by their row's item (a diagnostic's
 * severity, a change's kind) and show the whole text on hover (long messages are cut in the cell). Every table
 * of the workbench and its dialogs makes its columns here.
 */
public final class StyledCells {

    private StyledCells() {
    }

    /** A column of {@code text} of each item, styled by {@code style} (null: no style class). */
    public static <T> TableColumn<T, T> column(String title, double width, Function<T, String> text,
                                               Function<T, String> style) {
        TableColumn<T, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private String styled;

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (styled != null) {
                    getStyleClass().remove(styled);
                    styled = null;
                }
                String value = empty || item == null ? null : text.apply(item);
                setText(value);
                setTooltip(value == null || value.isEmpty() ? null : wrapping(value));
                if (value != null && style != null) {
                    styled = style.apply(item);
                    if (styled != null) {
                        getStyleClass().add(styled);
                    }
                }
            }
        });
        return c;
    }

    /** A plain column of {@code text} of each item. */
    public static <T> TableColumn<T, T> column(String title, double width, Function<T, String> text) {
        return column(title, width, text, null);
    }

    private static Tooltip wrapping(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }
}

package io.netcr.app.gui;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TextField;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/** The property sheet: every field of the selected namespace, device or address, read-only. */
public final class PropertiesView extends PropertySheet {

    /** A row of the view-model as ControlsFX wants it. */
    public record RowItem(PropertyRows.Row row) implements PropertySheet.Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return row.category();
        }

        @Override
        public String getName() {
            return row.name();
        }

        @Override
        public String getDescription() {
            return row.name() + ": " + row.value();
        }

        @Override
        public Object getValue() {
            return row.value();
        }

        @Override
        public void setValue(Object value) {
            // read-only: a snapshot is a record of what was, not something to edit here
        }

        /**
         * True only so that the sheet does not disable (grey out) the editor: the editor itself is a
         * non-editable text field, which keeps values readable and copyable.
         */
        @Override
        public boolean isEditable() {
            return true;
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }

    public PropertiesView(SelectionModel selection) {
        setId(Styles.ID_PROPERTIES);
        setMode(Mode.CATEGORY);
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        // Selectable, copyable text rather than the greyed-out editors of a disabled item.
        setPropertyEditorFactory(item -> {
            TextField field = new TextField();
            field.setEditable(false);
            return new AbstractPropertyEditor<Object, TextField>(item, field, false) {
                @Override
                protected ObservableValue<Object> getObservableValue() {
                    return new javafx.beans.property.SimpleObjectProperty<>(item.getValue());
                }

                @Override
                public void setValue(Object value) {
                    field.setText(value == null ? "" : value.toString());
                }
            };
        });
        selection.properties().addListener((ListChangeListener<PropertyRows.Row>) c ->
                getItems().setAll(selection.properties().stream().map(RowItem::new).toList()));
    }
}

package io.netcr.app.gui;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The tool bar: icon buttons in groups, each with its shortcut in its tooltip, and the search field with where
 * the user is among its matches ("2 of 5") and buttons for the previous and next one.
 *
 * <p>The groups are the extension points: a later feature adds its button to its group with {@link #add}, in
 * its place, without knowing the others ("Connect to host…" is in {@link Group#SOURCES} after Open; "Pause live
 * updates" is in {@link Group#LIVE} after Refresh).
 */
public final class WorkbenchToolBar {

    /** The id of the "Pause live updates" toggle, after "tool-". */
    static final String ID_PAUSE_LIVE = "pause-live";

    /** The groups, left to right, separated by a line. */
    public enum Group {
        /** Where documents come from: Open, Connect to host. */
        SOURCES,
        /** The live host: Refresh, Pause live updates. */
        LIVE,
        /** What is done with them: Checkpoint, Restore, Compare, Export. */
        OPERATIONS,
        /** The view: Fit, zoom. */
        VIEW
    }

    private final ToolBar bar = new ToolBar();
    private final Map<Group, HBox> groups = new EnumMap<>(Group.class);

    public WorkbenchToolBar(WorkbenchCommands commands) {
        WorkbenchViewModel vm = commands.viewModel();
        bar.setId(Styles.ID_TOOLBAR);
        for (Group g : Group.values()) {
            HBox box = new HBox(2);
            box.getStyleClass().add(Styles.TOOL_GROUP);
            groups.put(g, box);
            if (g.ordinal() > 0) {
                bar.getItems().add(new Separator(Orientation.VERTICAL));
            }
            bar.getItems().add(box);
        }
        add(Group.SOURCES, button("open", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Open a snapshot or image",
                WorkbenchCommands.OPEN, commands::open));
        add(Group.SOURCES, button("connect", MaterialDesignS.SERVER_PLUS, "Connect to another host (over ssh)",
                WorkbenchCommands.CONNECT, commands::connectToHost));
        Button refresh = button("refresh", MaterialDesignR.REFRESH, "Read the current source again",
                WorkbenchCommands.REFRESH, commands::refresh);
        refresh.disableProperty().bind(vm.activeProperty().isNull());
        add(Group.LIVE, refresh);
        add(Group.LIVE, pauseLive(vm.followed().controls()));
        add(Group.OPERATIONS, button("checkpoint", MaterialDesignC.CAMERA_OUTLINE,
                "Checkpoint namespaces of the host shown (the selected ones are checked)", WorkbenchCommands.CHECKPOINT,
                commands::checkpoint));
        add(Group.OPERATIONS, button("restore", MaterialDesignB.BACKUP_RESTORE,
                "Restore an image (the open one, or the one just checkpointed)", WorkbenchCommands.RESTORE,
                commands::restore));
        MenuButton compare = new MenuButton(null, new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        compare.setId("tool-compare");
        compare.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT,
                Styles.TOOL_BUTTON);
        compare.setTooltip(new Tooltip("Compare with another source"));
        compare.setOnShowing(e -> compare.getItems().setAll(commands.compareItems()));
        compare.disableProperty().bind(vm.activeProperty().isNull());
        add(Group.OPERATIONS, compare);
        Button export = button("export", MaterialDesignF.FILE_EXPORT_OUTLINE, "Export PNG, SVG, DOT or JSON",
                WorkbenchCommands.EXPORT, commands::export);
        export.disableProperty().bind(vm.activeProperty().isNull());
        add(Group.OPERATIONS, export);
        add(Group.VIEW, button("fit", MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Fit the graph to the window",
                WorkbenchCommands.FIT, commands::fit));
        add(Group.VIEW, button("zoom-in", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in", WorkbenchCommands.ZOOM_IN,
                commands::zoomIn));
        add(Group.VIEW, button("zoom-out", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out",
                WorkbenchCommands.ZOOM_OUT, commands::zoomOut));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        bar.getItems().addAll(spring, search(vm.search()));
    }

    /**
     * "Pause live updates": pressed while paused, the same state as View › Pause live and the Events tab's button
     * (all bound to the active document's host's feed); enabled only while that host is followed.
     */
    private static ToggleButton pauseLive(FollowedHosts.Controls feed) {
        ToggleButton b = new ToggleButton(null, new FontIcon(MaterialDesignP.PAUSE_CIRCLE_OUTLINE));
        b.setId("tool-" + ID_PAUSE_LIVE);
        b.setTooltip(tip("Pause live updates: the graph stays still, the event log goes on",
                WorkbenchCommands.PAUSE_LIVE));
        b.selectedProperty().bindBidirectional(feed.paused());
        b.disableProperty().bind(feed.following().not());
        b.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT,
                Styles.TOOL_BUTTON);
        return b;
    }

    /** Adds a control at the end of its group. */
    public void add(Group group, Node control) {
        groups.get(group).getChildren().add(control);
    }

    public ToolBar node() {
        return bar;
    }

    /** The field, "2 of 5", previous and next; Enter goes to the next match, Shift+Enter to the previous. */
    private static HBox search(SearchModel search) {
        TextField field = TextFields.createClearableTextField();
        field.setId(Styles.ID_SEARCH);
        field.setPromptText("Search name, address, 10.250, MAC, kind:vxlan");
        field.setPrefColumnCount(28);
        field.textProperty().bindBidirectional(search.textProperty());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    search.previous();
                } else {
                    search.next();
                }
                e.consume();
            }
        });
        Label position = new Label();
        position.setId(Styles.ID_SEARCH_POSITION);
        position.getStyleClass().add(Styles.SEARCH_POSITION);
        position.textProperty().bind(search.positionProperty());
        Button previous = button("search-previous", MaterialDesignC.CHEVRON_UP, "Previous match",
                WorkbenchCommands.FIND_PREVIOUS, search::previous);
        Button next = button("search-next", MaterialDesignC.CHEVRON_DOWN, "Next match", WorkbenchCommands.FIND_NEXT,
                search::next);
        previous.disableProperty().bind(Bindings.isEmpty(search.matches()));
        next.disableProperty().bind(previous.disableProperty());
        HBox box = new HBox(4, field, position, previous, next);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button button(String id, Ikon icon, String what, KeyCombination key, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId("tool-" + id);
        b.setTooltip(tip(what, key));
        b.setOnAction(e -> action.run());
        b.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT,
                Styles.TOOL_BUTTON);
        return b;
    }

    /** "What it does (Ctrl+O)". */
    static Tooltip tip(String what, KeyCombination key) {
        return new Tooltip(key == null ? what : what + " (" + key.getDisplayText() + ")");
    }

    /** The buttons of the bar, for tests: by the id they were given ("tool-open"). */
    public ButtonBase button(String id) {
        return (ButtonBase) bar.lookup("#tool-" + id);
    }
}

package io.netcr.app.gui;

import io.netcr.model.Severity;
import io.netcr.model.diff.ChangeKind;

/** Style class names and node ids used by the views, the stylesheet and the tests: in one place. */
public final class Styles {

    public static final String STYLESHEET = "/io/netcr/app/gui/workbench.css";

    public static final String SEVERITY_ERROR = "severity-error";
    public static final String SEVERITY_WARNING = "severity-warning";
    public static final String SEVERITY_INFO = "severity-info";
    public static final String CHANGE_ADDED = "change-added";
    public static final String CHANGE_REMOVED = "change-removed";
    public static final String CHANGE_CHANGED = "change-changed";
    public static final String PANE_TITLE = "pane-title";
    public static final String PLACEHOLDER = "placeholder";
    public static final String TOOL_GROUP = "tool-group";
    public static final String TOOL_BUTTON = "tool-button";
    public static final String SEARCH_POSITION = "search-position";

    public static final String ID_GRAPH = "graph";
    public static final String ID_NAVIGATOR = "navigator";
    public static final String ID_PROPERTIES = "properties";
    public static final String ID_DIAGNOSTICS = "diagnostics";
    public static final String ID_CHANGES = "changes";
    public static final String ID_BOTTOM_TABS = "bottom-tabs";
    public static final String ID_SEARCH = "search";
    public static final String ID_SEARCH_POSITION = "search-position";
    public static final String ID_TOOLBAR = "toolbar";
    public static final String ID_STATUS = "status";

    private Styles() {
    }

    /** The style class of a severity: red errors, amber warnings, blue notes. */
    public static String of(Severity s) {
        return switch (s) {
            case ERROR -> SEVERITY_ERROR;
            case WARNING -> SEVERITY_WARNING;
            case INFO -> SEVERITY_INFO;
        };
    }

    /** The style class of a change: green only here, red only there, amber in both but different. */
    public static String of(ChangeKind k) {
        return switch (k) {
            case ADDED -> CHANGE_ADDED;
            case REMOVED -> CHANGE_REMOVED;
            case CHANGED -> CHANGE_CHANGED;
        };
    }
}

package io.netcr.app.gui;

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

    public static final String ID_GRAPH = "graph";
    public static final String ID_NAVIGATOR = "navigator";
    public static final String ID_PROPERTIES = "properties";
    public static final String ID_DIAGNOSTICS = "diagnostics";
    public static final String ID_CHANGES = "changes";
    public static final String ID_BOTTOM_TABS = "bottom-tabs";
    public static final String ID_SEARCH = "search";
    public static final String ID_STATUS = "status";

    private Styles() {
    }
}

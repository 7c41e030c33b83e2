package io.netcr.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The workbench's look: AtlantaFX's Primer theme, light or dark. "System" follows the desktop where it can be
 * read ({@link DesktopTheme}); View ▸ Theme picks one for good (kept in the user's preferences). The graph keeps
 * its own light palette in both, as a drawing on paper, the same as its exports.
 */
public enum Theme {
    SYSTEM("Follow the desktop"), LIGHT("Light"), DARK("Dark");

    /** A style class on the scene's root in the dark theme, for the workbench's own stylesheet. */
    public static final String DARK_CLASS = "theme-dark";
    private static final String KEY = "theme";

    private final String text;

    Theme(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** True when this choice shows dark. */
    public boolean dark() {
        return this == DARK || (this == SYSTEM && DesktopTheme.prefersDark());
    }

    /** Sets the application's theme (every window and dialog) and marks {@code scene} for the workbench's CSS. */
    public void apply(Scene scene) {
        boolean dark = dark();
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (scene != null) {
            scene.getRoot().getStyleClass().remove(DARK_CLASS);
            if (dark) {
                scene.getRoot().getStyleClass().add(DARK_CLASS);
            }
        }
    }

    /** The workbench's preferences node, where the theme chosen in View ▸ Theme is kept. */
    public static Preferences preferences() {
        return Preferences.userRoot().node("io/netcr/workbench");
    }

    /**
     * Applies the saved theme unless a theme is set already: dialogs shown on their own (tests) look as they do
     * over the window, and the workbench's stylesheet finds the theme's colours.
     */
    public static void ensureApplied() {
        if (Application.getUserAgentStylesheet() == null) {
            saved(preferences()).apply(null);
        }
    }

    public static Theme saved(Preferences prefs) {
        try {
            return valueOf(prefs.get(KEY, SYSTEM.name()));
        } catch (IllegalArgumentException e) {
            return SYSTEM;
        }
    }

    public void save(Preferences prefs) {
        prefs.put(KEY, name());
    }
}

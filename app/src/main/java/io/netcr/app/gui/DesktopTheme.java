package io.netcr.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the desktop asks for dark windows, where that can be read without a desktop bus: JavaFX 21 has no
 * API for it (Platform.Preferences came in 22), and the workbench runs no programs (no {@code gsettings}).
 * In order, the first that says something wins:
 * <ol>
 * <li>{@code NETCR_THEME=dark|light} (the user's own choice, also for tests);</li>
 * <li>{@code GTK_THEME} (as GTK reads it: {@code Adwaita:dark}, {@code Yaru-dark});</li>
 * <li>{@code ~/.config/gtk-4.0/settings.ini}, then {@code gtk-3.0}: {@code gtk-application-prefer-dark-theme},
 * else a {@code gtk-theme-name} ending in "dark" (GNOME writes these when its style changes, and so do the
 * settings tools of Xfce, MATE and Cinnamon);</li>
 * <li>{@code ~/.config/kdeglobals}: a colour scheme with "Dark" in its name (KDE Plasma).</li>
 * </ol>
 * Nothing found: light.
 */
public final class DesktopTheme {

    private DesktopTheme() {
    }

    /** True when the desktop (or NETCR_THEME) asks for a dark theme. */
    public static boolean prefersDark(Map<String, String> env, Path home) {
        return fromEnv(env.get("NETCR_THEME"))
                .or(() -> fromGtkTheme(env.get("GTK_THEME")))
                .or(() -> fromGtkSettings(home.resolve(".config/gtk-4.0/settings.ini")))
                .or(() -> fromGtkSettings(home.resolve(".config/gtk-3.0/settings.ini")))
                .or(() -> fromKde(home.resolve(".config/kdeglobals")))
                .orElse(false);
    }

    /** What the user's own desktop asks for. */
    public static boolean prefersDark() {
        return prefersDark(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Optional<Boolean> fromEnv(String v) {
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.equals("dark") ? Optional.of(true) : t.equals("light") ? Optional.of(false) : Optional.empty();
    }

    private static Optional<Boolean> fromGtkTheme(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(darkName(v));
    }

    private static boolean darkName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(":dark") || n.endsWith("-dark") || n.endsWith("_dark") || n.endsWith(" dark");
    }

    private static Optional<Boolean> fromGtkSettings(Path ini) {
        Boolean explicit = null;
        Boolean named = null;
        for (String line : lines(ini)) {
            String[] kv = line.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            String key = kv[0].trim();
            String value = kv[1].trim().toLowerCase(Locale.ROOT);
            if (key.equals("gtk-application-prefer-dark-theme")) {
                explicit = value.equals("1") || value.equals("true");
            } else if (key.equals("gtk-theme-name")) {
                named = darkName(value);
            }
        }
        // "prefer dark" set wins; else the theme's name tells; else an explicit "no"
        if (Boolean.TRUE.equals(explicit)) {
            return Optional.of(true);
        }
        return Optional.ofNullable(named != null ? named : explicit);
    }

    private static Optional<Boolean> fromKde(Path globals) {
        for (String line : lines(globals)) {
            if (line.startsWith("ColorScheme=")) {
                return Optional.of(line.toLowerCase(Locale.ROOT).contains("dark"));
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // unreadable: says nothing
        }
    }
}

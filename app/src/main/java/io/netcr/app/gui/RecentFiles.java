package io.netcr.app.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The recently opened files, newest first, kept in java.util.prefs so they survive a restart. */
public final class RecentFiles {

    public static final int MAX = 8;
    private static final String KEY = "file";

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** The application's own preferences node. */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("io/netcr/workbench/recent"));
    }

    public List<Path> load() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = node.get(KEY + i, null);
            if (v != null) {
                files.add(Path.of(v));
            }
        }
        return files;
    }

    /** Puts {@code file} first (once), drops the oldest past {@link #MAX}, and returns the new list. */
    public List<Path> add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> files = load();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                node.put(KEY + i, files.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not worth a dialog: the list still works for this session.
        }
        return files;
    }
}

package io.netcr.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

/** The recently opened files, newest first, kept in java.util.prefs so they survive a restart. */
public final class RecentFiles {

    public static final int MAX = 8;
    private static final String KEY = "file";

    private final Preferences node;
    private final RecentList list;

    public RecentFiles(Preferences node) {
        this.node = node;
        this.list = new RecentList(node, KEY, MAX);
    }

    /** The recent hosts, kept beside these files. */
    public RecentHosts hosts() {
        return new RecentHosts(node);
    }

    /** The application's own preferences node. */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node(NODE));
    }

    /** Where the workbench keeps its recent files and hosts. */
    static final String NODE = "io/netcr/workbench/recent";

    public List<Path> load() {
        return list.load().stream().map(Path::of).toList();
    }

    /** Puts {@code file} first (once), drops the oldest past {@link #MAX}, and returns the new list. */
    public List<Path> add(Path file) {
        return list.add(file.toAbsolutePath().normalize().toString()).stream().map(Path::of).toList();
    }
}

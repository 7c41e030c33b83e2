package io.netcr.app.gui;

import java.util.List;
import java.util.prefs.Preferences;

/** The hosts recently connected to (as typed: user@host, ssh://..., an alias), newest first, kept across restarts. */
public final class RecentHosts {

    public static final int MAX = 8;
    private static final String KEY = "host";

    private final RecentList list;

    public RecentHosts(Preferences node) {
        this.list = new RecentList(node, KEY, MAX);
    }

    /** The application's own preferences node (beside the recent files). */
    public static RecentHosts forUser() {
        return new RecentHosts(Preferences.userRoot().node(RecentFiles.NODE));
    }

    public List<String> load() {
        return list.load();
    }

    /** Puts {@code host} first (once), drops the oldest past {@link #MAX}, and returns the new list. */
    public List<String> add(String host) {
        return list.add(host);
    }
}

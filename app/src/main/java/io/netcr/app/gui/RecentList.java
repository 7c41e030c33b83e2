package io.netcr.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * A short list of texts, newest first, kept in java.util.prefs under numbered keys ({@code file0}, {@code file1},
 * ...) so that it survives a restart: the recent files, the recent hosts.
 */
final class RecentList {

    private final Preferences node;
    private final String key;
    private final int max;

    RecentList(Preferences node, String key, int max) {
        this.node = node;
        this.key = key;
        this.max = max;
    }

    List<String> load() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            String v = node.get(key + i, null);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Puts {@code entry} first (once), drops the oldest past the bound, and returns the new list. */
    List<String> add(String entry) {
        List<String> all = load();
        all.remove(entry);
        all.add(0, entry);
        while (all.size() > max) {
            all.remove(all.size() - 1);
        }
        for (int i = 0; i < max; i++) {
            if (i < all.size()) {
                node.put(key + i, all.get(i));
            } else {
                node.remove(key + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not worth a dialog: the list still works for this session.
        }
        return all;
    }
}

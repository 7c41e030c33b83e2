package io.netcr.bridge.discovery;

import io.netcr.bridge.lifetime.HolderSet;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Diagnostic;
import io.netcr.model.Holder;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.List;

/**
 * A network namespace found on the host, before it is read (by discovery, and by the live monitor).
 *
 * @param inode     its nsfs inode: the identity that deduplicates every way of reaching it
 * @param init      true for this process's own namespace
 * @param names     its names (/run/netns names bare, other bind mounts by path), sorted
 * @param holders   processes that have it as their namespace (not listed for the init namespace)
 * @param openPaths files that open it, best first
 * @param seen      what holds it besides netcr (bind mounts, processes), for the namespace registry;
 *                  {@link HolderSet#NONE} for the init namespace
 */
public record FoundNamespace(long inode, boolean init, List<String> names, List<Holder> holders, List<String> openPaths,
                      HolderSet seen) {

    public String id() {
        return idOf(inode);
    }

    /** How diagnostics name it: its first name, else {@code pid:N} of a holder, else its id. */
    public String label() {
        return !names.isEmpty() ? names.get(0) : !holders.isEmpty() ? "pid:" + holders.get(0).pid() : id();
    }

    /**
     * A descriptor of the namespace by the first of its paths that opens, or -1 (and a warning: it vanished or
     * is not readable). The caller owns the descriptor.
     */
    public int open(List<Diagnostic> diags) {
        NativeException last = null;
        for (String path : openPaths) {
            try {
                return Sys.open(path, Sys.O_RDONLY | Sys.O_CLOEXEC);
            } catch (NativeException e) {
                last = e;
            }
        }
        if (last != null) {
            diags.add(Diagnostic.warning(last.errno(), SubjectPath.of(SubjectPath.NETNS, label()), Phase.SNAPSHOT,
                    "cannot open the namespace (" + last.getMessage() + "); it vanished or is not readable"));
        }
        return -1;
    }

    public static String idOf(long inode) {
        return ID_PREFIX + inode;
    }

    /** The inode an id of {@link #idOf} names, or -1 for any other text. */
    public static long inodeOf(String id) {
        if (!id.startsWith(ID_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(ID_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final String ID_PREFIX = "nsfs:";
}

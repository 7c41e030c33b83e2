package io.netcr.bridge.netns;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Inode;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Errno;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Named namespaces found again after the process that made them is gone, by identity: a name under
 * /run/netns is the namespace a restore made only while a stat of it still shows the inode that restore
 * recorded (the nsfs inode once mounted, the file's own inode before). Anything else with that name is
 * someone else's and is never touched.
 */
public final class OwnedNamespaces {

    /** What a name under /run/netns is, against a recorded identity. */
    public enum Match {
        /** Nothing has the name. */
        ABSENT,
        /** The recorded namespace, mounted on its file. */
        MOUNTED,
        /** The recorded file, with no namespace mounted on it (made but not yet mounted). */
        FILE_ONLY,
        /** Something else: another namespace or file of that name. */
        OTHER
    }

    /** The match and what the name's stat showed (null when absent). */
    public record Found(Match match, Inode now) {
    }

    private OwnedNamespaces() {
    }

    public static Path pathOf(String name) {
        return Path.of(NamedNamespaces.RUN_DIR, name);
    }

    /** Compares what {@code name} is now with the recorded identity ({@code file} or {@code netns} may be null). */
    public static Found find(String name, Inode file, Inode netns) throws IOException {
        NamedNamespaces.requireName(name);
        Optional<Inode> now = Inode.ifExists(pathOf(name));
        if (now.isEmpty()) {
            return new Found(Match.ABSENT, null);
        }
        if (now.get().equals(netns)) {
            return new Found(Match.MOUNTED, now.get());
        }
        if (now.get().equals(file)) {
            return new Found(Match.FILE_ONLY, now.get());
        }
        return new Found(Match.OTHER, now.get());
    }

    /**
     * Removes the namespace {@code name} when it is still the recorded one: {@code ip netns del NAME}
     * (umount, then unlink the file, once the file under the mount is the recorded file too, or unknown).
     * Returns what was found; only MOUNTED and FILE_ONLY remove anything.
     */
    public static Found removeIfOwn(String name, Inode file, Inode netns) throws IOException {
        Found f = find(name, file, netns);
        String path = pathOf(name).toString();
        if (f.match() == Match.MOUNTED) {
            Sys.umount2(path, Sys.MNT_DETACH);
            Optional<Inode> under = Inode.ifExists(pathOf(name));
            if (under.isPresent() && (file == null || under.get().equals(file))) {
                Sys.unlink(path);
            }
        } else if (f.match() == Match.FILE_ONLY) {
            Sys.unlink(path);
        }
        return f;
    }

    /**
     * Opens the recorded namespace {@code name} again: a descriptor (checked to be {@code netns}, on the
     * descriptor itself, so that a name swapped meanwhile is not taken) and a socket inside it, opened on a
     * short-lived thread that enters it. ESTALE when the name is no longer that namespace.
     */
    public static NamedNamespaces.Created open(String name, Inode netns) throws IOException {
        NamedNamespaces.requireName(name);
        int fd = Sys.open(pathOf(name).toString(), Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            Inode is = Inode.ofDescriptor(fd);
            if (!is.equals(netns)) {
                throw new NativeException("netns " + name + " is nsfs " + is + ", not the recorded " + netns,
                        Errno.ESTALE.number());
            }
            return new NamedNamespaces.Created(name, fd, socketIn(fd));
        } catch (IOException | RuntimeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    /** A NETLINK_ROUTE socket inside the namespace {@code nsFd}, opened by a thread that ends afterwards. */
    private static RtnlSocket socketIn(int nsFd) throws IOException {
        AtomicReference<RtnlSocket> socket = new AtomicReference<>();
        AtomicReference<NativeException> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Sys.setns(nsFd, Sys.CLONE_NEWNET);
                socket.set(RtnlSocket.open());
            } catch (NativeException e) {
                error.set(e);
            }
            // the thread ends here: nothing else ever runs on it in the foreign namespace
        }, "netcr-netns-open");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening a socket in a namespace", e);
        }
        if (error.get() != null) {
            throw error.get();
        }
        return socket.get();
    }
}

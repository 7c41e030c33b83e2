package io.netcr.bridge.netns;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Inode;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Errno;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Makes one thread's batch of named namespaces in two phases, so that their identities are known (and
 * announced to a journal) before anything of them is visible:
 * <ol>
 *   <li>for each name, an unnamed file in /run/netns (O_TMPFILE) and a new namespace ({@code unshare}),
 *       kept by descriptors: a crash now leaves nothing behind;</li>
 *   <li>the batch's identities (both inodes) go to the {@link NamedNamespaces.Announcer};</li>
 *   <li>for each name, the file gets its name ({@code linkat}: EEXIST when taken, as O_EXCL would), the
 *       namespace is bind-mounted on it, and a socket is opened inside.</li>
 * </ol>
 * Runs on a dedicated thread, which it leaves in the last namespace it named (its caller goes home).
 */
final class NamespaceBatch {

    /** A namespace made but not yet named: its file and namespace descriptors and their identities. */
    private record Unnamed(String name, int fileFd, int nsFd, Inode file, Inode netns) {
        void close() {
            Sys.closeQuietly(fileFd);
            Sys.closeQuietly(nsFd);
        }
    }

    private final String runDir;
    private final BooleanSupplier stop;
    private final NamedNamespaces.Announcer announcer;
    private final Consumer<NamedNamespaces.Created> onCreated;

    NamespaceBatch(String runDir, BooleanSupplier stop, NamedNamespaces.Announcer announcer,
                   Consumer<NamedNamespaces.Created> onCreated) {
        this.runDir = runDir;
        this.stop = stop;
        this.announcer = announcer;
        this.onCreated = onCreated;
    }

    /** True once any thread has failed: the others take no new batch, and stop naming. */
    boolean stopped() {
        return stop.getAsBoolean();
    }

    void create(List<String> names) throws NativeException {
        List<Unnamed> made = new ArrayList<>();
        int named = 0;
        try {
            for (String name : names) {
                made.add(makeUnnamed(name));
            }
            if (announcer != null) {
                announce(made);
            }
            for (Unnamed u : made) {
                if (stopped()) {
                    break;
                }
                onCreated.accept(name(u));
                named++;
            }
        } finally {
            for (int i = named; i < made.size(); i++) {
                made.get(i).close(); // never named: the namespace and the file vanish with their descriptors
            }
        }
    }

    private Unnamed makeUnnamed(String name) throws NativeException {
        int file = -1;
        int ns = -1;
        try {
            file = Sys.createUnnamed(runDir, 0);
            Sys.unshare(Sys.CLONE_NEWNET);
            ns = Sys.open(NamedNamespaces.THREAD_SELF_NET, Sys.O_RDONLY | Sys.O_CLOEXEC);
            return new Unnamed(name, file, ns, Inode.ofDescriptor(file), Inode.ofDescriptor(ns));
        } catch (NativeException e) {
            Sys.closeQuietly(file);
            Sys.closeQuietly(ns);
            throw new NamespaceCreateException(name, e);
        } catch (IOException e) {
            Sys.closeQuietly(file);
            Sys.closeQuietly(ns);
            throw new NamespaceCreateException(name, new NativeException("stat of the new namespace ("
                    + e.getMessage() + ")", Errno.EIO.number()));
        }
    }

    private void announce(List<Unnamed> made) throws NativeException {
        List<NamedNamespaces.Identity> batch = new ArrayList<>();
        made.forEach(u -> batch.add(new NamedNamespaces.Identity(u.name(), u.file(), u.netns())));
        try {
            announcer.beforeNaming(batch);
        } catch (NativeException e) {
            throw new NamespaceCreateException(made.get(0).name(), e);
        } catch (IOException e) {
            throw new NamespaceCreateException(made.get(0).name(), new NativeException("the restore journal "
                    + "cannot record it (" + e.getMessage() + ")", Errno.EIO.number()));
        }
    }

    /** Names the file (EEXIST when taken), mounts the namespace on it and opens a socket inside. */
    private NamedNamespaces.Created name(Unnamed u) throws NativeException {
        String path = runDir + "/" + u.name();
        try {
            Sys.linkAt(u.fileFd(), path);
        } catch (NativeException e) {
            throw new NamespaceCreateException(u.name(), e); // EEXIST: not ours, untouched
        }
        boolean mounted = false;
        try {
            Sys.setns(u.nsFd(), Sys.CLONE_NEWNET);
            Sys.mount(NamedNamespaces.THREAD_SELF_NET, path, "none", Sys.MS_BIND, null);
            mounted = true;
            RtnlSocket socket = RtnlSocket.open();
            Sys.closeQuietly(u.fileFd());
            return new NamedNamespaces.Created(u.name(), u.nsFd(), socket);
        } catch (NativeException e) {
            try {
                NamedNamespaces.removeFile(path, mounted);
            } catch (NativeException cleanup) {
                e.addSuppressed(cleanup); // the file is ours and on record: recovery removes it
            }
            throw new NamespaceCreateException(u.name(), e);
        }
    }
}

package io.netcr.bridge.lifetime;

import java.util.ArrayList;
import java.util.List;

/**
 * One user's hold on one network namespace: the resources it keeps for it (the namespace's descriptor,
 * netlink sockets: each of them keeps the namespace alive) and the rule for closing them. Made by
 * {@link NamespaceRegistry#pin}; the registry closes the resources as soon as the last holder it sees
 * goes, so the user never keeps a deleted namespace alive.
 *
 * <p>A use ({@link #enter} ... {@link #exit}) keeps the resources open while the user works with them:
 * closing a descriptor that another thread is reading (and whose number the kernel may give to the next
 * open) would be worse than a short delay. A namespace that goes during a use is closed when the last use
 * ends. A new pin is returned in use (entered once): the caller adds its resources and then exits.
 *
 * <p>A transient pin (the registry cannot watch some holder, or runs without events) closes its
 * resources at the end of every use: correct, but the next use must open them again.
 */
public final class Pin implements AutoCloseable {

    private final NamespaceRegistry registry;
    private final long inode;
    private final boolean forever;
    private final Runnable onGone;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private int uses = 1;
    private boolean gone;
    private boolean closed;
    private boolean transientOnly;

    Pin(NamespaceRegistry registry, long inode, boolean forever, boolean transientOnly, Runnable onGone) {
        this.registry = registry;
        this.inode = inode;
        this.forever = forever;
        this.onGone = onGone;
        this.transientOnly = transientOnly && !forever;
    }

    /** The namespace's nsfs inode. */
    public long inode() {
        return inode;
    }

    Runnable onGone() {
        return onGone;
    }

    /** True once the namespace's last seen holder went (or the pin was closed): its resources are closed. */
    public synchronized boolean isGone() {
        return gone || closed;
    }

    /** Starts a use; false (and no use) when the namespace is gone: its resources are closed or closing. */
    public synchronized boolean enter() {
        if (gone || closed) {
            return false;
        }
        uses++;
        return true;
    }

    /** Ends a use; the last one closes the resources of a namespace that went meanwhile (or of a transient pin). */
    public void exit() {
        boolean unpin = false;
        synchronized (this) {
            if (uses <= 0) {
                throw new IllegalStateException("exit without enter");
            }
            if (--uses > 0) {
                return;
            }
            if (transientOnly && !gone && !closed) {
                gone = true;
                unpin = true;
            }
            if (gone || closed) {
                closeResources();
            }
        }
        if (unpin) {
            registry.unpin(this);
        }
    }

    /**
     * Adds a resource to close when the namespace goes or the pin is closed. Within a use it is always
     * taken (and closed when the use ends if the namespace went meanwhile). Outside a use, when the
     * namespace is gone already, it is closed at once and false returned: the caller must not use it.
     */
    public synchronized boolean hold(AutoCloseable resource) {
        if (closed || gone && uses == 0) {
            closeQuietly(resource);
            return false;
        }
        resources.add(resource);
        return true;
    }

    /** Closes one resource now (the user gives it up, e.g. a socket in an unknown state). */
    public synchronized void release(AutoCloseable resource) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i) == resource) {
                resources.remove(i);
                break;
            }
        }
        closeQuietly(resource);
    }

    /**
     * Reports the holders a fresh scan found; they replace the ones known. {@code mark} is what
     * {@link NamespaceRegistry#mark} returned before the scan began: a bind mount removed since then is
     * checked again, so a stale scan cannot bring it back.
     */
    public void seen(HolderSet holders, long mark) {
        registry.report(this, holders, mark);
    }

    /** How many resources are open now. */
    public synchronized int openResources() {
        return resources.size();
    }

    /** Whether resources are given up after each use. */
    public synchronized boolean isTransient() {
        return transientOnly;
    }

    /** The user is done with the namespace: closes its resources (at the end of the current use, if any). */
    @Override
    public void close() {
        registry.unpin(this);
        synchronized (this) {
            closed = true;
            if (uses == 0) {
                closeResources();
            }
        }
    }

    /** Called by the registry (under its lock) when the last holder went. */
    synchronized void markGone() {
        if (forever || gone) {
            return;
        }
        gone = true;
        if (uses == 0) {
            closeResources();
        }
    }

    /**
     * Called by the registry (under its lock) when a holder cannot be watched. Returns true when the pin
     * is not in use, and so is given up at once (the registry forgets it).
     */
    synchronized boolean makeTransient() {
        if (forever) {
            return false;
        }
        transientOnly = true;
        if (uses == 0 && !gone && !closed) {
            gone = true;
            closeResources();
            return true;
        }
        return false;
    }

    private void closeResources() {
        for (AutoCloseable r : resources) {
            closeQuietly(r);
        }
        resources.clear();
        registry.retire(this);
    }

    private static void closeQuietly(AutoCloseable r) {
        try {
            r.close();
        } catch (Exception e) {
            // a descriptor is gone after close(2) whatever it reports
        }
    }

    @Override
    public String toString() {
        return "Pin[" + inode + (forever ? ", forever" : "") + (isGone() ? ", gone" : "") + "]";
    }
}

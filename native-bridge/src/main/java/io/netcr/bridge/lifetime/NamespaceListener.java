package io.netcr.bridge.lifetime;

/**
 * Told by the {@link NamespaceRegistry} when network namespaces appear and disappear. Every call comes
 * on the registry's one event thread, in the order the registry learnt of the changes; a listener must
 * return quickly and must not block (hand work to its own thread).
 *
 * <p>There is no kernel event for "a network namespace was created": {@link #mounted} covers the ones
 * that are bind-mounted (`ip netns add`, Docker), found by reading the mount table after a mount event
 * (not at the inotify CREATE of the file, which comes before the namespace is mounted on it); namespaces
 * held only by processes are found by a scan (discovery).
 */
public interface NamespaceListener {

    /**
     * A network namespace is now bind-mounted at this path. Asked only while a listener is registered;
     * the first call after {@link NamespaceRegistry#addListener} compares against the table at that moment.
     */
    default void mounted(String path, long inode) {
    }

    /** The bind mount at this path is gone (the namespace may live on through other holders). */
    default void unmounted(String path, long inode) {
    }

    /**
     * The last holder netcr saw of a pinned namespace is gone. By the time this is called every
     * {@link Pin} of it is gone, and their resources are closed (or close when their current use ends).
     */
    default void gone(long inode) {
    }
}

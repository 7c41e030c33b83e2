package io.netcr.app.gui;

import java.nio.file.Path;

/**
 * Where a document's snapshot comes from, and what Refresh reads again: a file (an image, JSON, a CRIU
 * dump or archive), this host live, or another host live through its agent. Documents are keyed by their source.
 */
public sealed interface WorkbenchSource permits WorkbenchSource.File, WorkbenchSource.Live, WorkbenchSource.Remote {

    /** What the navigator and the compare menu call the live host. */
    String THIS_HOST = "This host";

    /** The live host, read over rtnetlink. */
    Live LIVE = new Live();

    static File file(Path path) {
        return new File(path.toAbsolutePath().normalize(), false);
    }

    static File sample(Path path) {
        return new File(path.toAbsolutePath().normalize(), true);
    }

    /** A short name for menus and the navigator. */
    String name();

    /**
     * A snapshot file.
     *
     * @param path   where it is read from
     * @param sample true for the bundled sample (not remembered in recent files)
     */
    record File(Path path, boolean sample) implements WorkbenchSource {
        @Override
        public String name() {
            return path.getFileName().toString();
        }
    }

    /** The live host. */
    record Live() implements WorkbenchSource {
        @Override
        public String name() {
            return THIS_HOST;
        }
    }

    /**
     * Another host, live, read through its agent over ssh.
     *
     * @param destination what the user gave to connect: user@host, ssh://user@host:port, an alias
     */
    record Remote(String destination) implements WorkbenchSource {
        @Override
        public String name() {
            return destination;
        }
    }

    /** True for a host read live (this one or another), whose namespaces can be checkpointed. */
    default boolean host() {
        return !(this instanceof File);
    }
}

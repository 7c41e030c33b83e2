package io.netcr.app.gui;

import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LiveWatch;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.services.HostDiscovery;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.List;

/**
 * Reads the live host for the window. Holds ONE {@link LiveDiscovery} for the window's lifetime, made on
 * first use, so that a refresh reuses its per-namespace sockets (no setns the second time); closed on exit.
 * Those sockets are kept only while something else still holds their namespace: discovery pins them in the
 * process's {@code NamespaceRegistry}, which closes them the moment a namespace is deleted, so an idle window
 * never keeps a deleted namespace alive. Only this live source holds kernel objects; files hold none.
 * An interface so that view-model tests can stand a fake host in.
 */
public interface LiveHost extends AutoCloseable {

    /** A snapshot of the host, or (snapshot null) the diagnostics that say why there is none. Never throws. */
    ReadResult read();

    @Override
    void close();

    /**
     * Starts following the host live ({@link LiveFeed} is told its updates); null when this host cannot be
     * followed (a fake, or the monitor cannot start). Closing the result stops following.
     */
    default AutoCloseable follow(LiveWatch watch) {
        return null;
    }

    /** The real host through rtnetlink. */
    static LiveHost discovery() {
        return new Discovery();
    }

    /** The one discovery of a window; {@link #read} is called on worker threads, one at a time. */
    final class Discovery implements LiveHost {

        private LiveDiscovery discovery;
        private boolean closed;

        @Override
        public synchronized ReadResult read() {
            if (closed) {
                return failed("the window is closing");
            }
            try {
                if (discovery == null) {
                    discovery = HostDiscovery.open();
                }
                Snapshot s = discovery.snapshot();
                return new ReadResult(s, s.diagnostics());
            } catch (Exception | LinkageError e) {
                return failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }

        @Override
        public AutoCloseable follow(LiveWatch watch) {
            try {
                return new LocalHost().subscribe(List.of(), watch);
            } catch (HostException | RuntimeException | LinkageError e) {
                return null; // the window still refreshes by hand
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (discovery != null) {
                discovery.close();
                discovery = null;
            }
        }

        private static ReadResult failed(String why) {
            return ReadResult.failed(List.of(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.READ,
                    "this host cannot be read: " + why)));
        }
    }
}

package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.HostInfo;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.LineReader;
import io.netcr.app.protocol.Protocol;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code netcr agent}: serves a {@link Host} over the agent protocol (docs/agent.md) on standard input and output,
 * for a client at the other end of ssh or of a privilege helper. It is a transport, not a second program: each
 * request becomes a call of the host (for {@code netcr agent}, {@link LocalHost}: the services the command line
 * uses), each answer and event a message. It opens no port and reads nothing but its standard input; its
 * standard output carries nothing but protocol, starting with its hello.
 *
 * <p>Work runs here, to its end: a restore completes or rolls back whether the client stays, its input ends,
 * writing to it fails (EPIPE) or a SIGHUP comes (ignored); on SIGTERM the exit waits for the restore.
 */
public final class Agent {

    private Agent() {
    }

    /** {@code netcr agent} on this process's standard streams, serving this host; returns the exit status. */
    public static int run() {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true)); // stray prints: not protocol
        Signals.ignoreHangup();
        try (LocalHost host = new LocalHost()) {
            return serve(new FileInputStream(FileDescriptor.in), protocol, host, true);
        }
    }

    /**
     * Serves {@code host} to the client at the other end of these streams until its input ends or it says bye,
     * then waits for the work under way; returns the exit status (0, or 2 after a client with no common protocol
     * version).
     */
    public static int serve(InputStream in, OutputStream out, Host host) {
        return serve(in, out, host, false);
    }

    private static int serve(InputStream in, OutputStream out, Host host, boolean guardExit) {
        HostInfo self;
        try {
            self = host.info();
        } catch (HostException e) {
            self = new HostInfo("?", "?", "?", -1, "?", 0, List.of());
        }
        Outbox outbox = new Outbox(out);
        outbox.post(new Events.AgentHello(Protocol.VERSIONS, self.netcr(), self.hostname(), self.kernel(), self.uid(),
                self.capabilities()));
        Session session = new Session(host, self, outbox);
        Thread guard = guardExit ? Signals.waitOnExit(session) : null;
        int status = session.serve(new LineReader(in, Protocol.MAX_LINE));
        outbox.close();
        if (guard != null) {
            Signals.release(guard);
        }
        return status;
    }
}

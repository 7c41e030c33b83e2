package io.netcr.app.cli;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.services.SnapshotSources;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --host HOST}, the same on every verb that has it: the work is done on another machine by its netcr
 * agent, started over ssh (docs/agent.md); without it, on this one.
 */
final class HostOption {

    @Option(names = "--host", paramLabel = "HOST", description = "work on another machine, through its netcr agent "
            + "over ssh: user@host, ssh://user@host:port, or an alias of ~/.ssh/config")
    String host;

    boolean remote() {
        return host != null;
    }

    /** The host to work on; throws with the diagnostics of why it cannot be reached. */
    Host open(PrintWriter err) throws HostException {
        return Hosts.open(host, Hosts.printing(err, host == null ? "this host" : host));
    }

    /**
     * The source spec a verb reads: with {@code --host}, {@code live} means that host's live state
     * ({@code live@HOST}); a file stays a file of this machine.
     */
    String source(String spec) {
        return host != null && SnapshotSources.LIVE.equals(spec) ? Hosts.LIVE_AT + host : spec;
    }

    /** Prints a host's failure as the command line prints diagnostics. */
    static void print(String verb, HostException e, PrintWriter err) {
        e.diagnostics().forEach(d -> err.println("netcr " + verb + ": " + d));
        err.flush();
    }
}

package io.netcr.app.hosts.transport;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalInt;

/**
 * A byte stream to a netcr agent and back: the standard input and output of {@code ssh HOST netcr agent}, of a
 * privilege helper's {@code netcr agent}, or (in tests) of an agent in the same process.
 */
public interface Transport extends AutoCloseable {

    /** What the agent writes: its hello, then protocol. */
    InputStream fromAgent();

    /** What the agent reads. */
    OutputStream toAgent();

    /** The last lines written to standard error on the way (ssh's own messages, the remote shell's), oldest first. */
    List<String> stderrTail();

    /** The exit status, waiting at most {@code millis} for it; empty while it still runs. */
    OptionalInt exitStatus(long millis) throws InterruptedException;

    /** What runs, for messages: {@code ssh web2}, {@code sudo -n netcr agent}. */
    String describe();

    /** Ends it: the agent's input is closed and what runs here is stopped. Never throws. */
    @Override
    void close();
}

package io.netcr.app.hosts;

import io.netcr.app.protocol.Message;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One request on an {@link AgentConnection} and the messages that answer it, in order, as its reader thread
 * hands them over. The caller takes them with {@link #next}; a lost connection arrives as its diagnostic.
 */
final class Call {

    final long id;
    private final AgentConnection connection;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

    Call(long id, AgentConnection connection) {
        this.id = id;
        this.connection = connection;
    }

    void offer(Message m) {
        inbox.offer(m);
    }

    void lost(Diagnostic why) {
        inbox.offer(why);
    }

    /** True when an answer or the end of the connection waits in the inbox (a sender of data stops then). */
    boolean hasNews() {
        return !inbox.isEmpty();
    }

    /**
     * The next message. Throws when the connection was lost, or when nothing came for {@code idleMillis} (the
     * connection is then given up).
     */
    Message next(long idleMillis) throws HostException, InterruptedException {
        Object o = inbox.poll(idleMillis, TimeUnit.MILLISECONDS);
        if (o == null) {
            connection.giveUp();
            throw HostException.of(Errno.ETIMEDOUT, connection.label(), Phase.READ, "the agent on "
                    + connection.label() + " said nothing for " + idleMillis / 1000 + " s; the connection is given up");
        }
        if (o instanceof Diagnostic d) {
            inbox.offer(d); // every later call of next() says the same
            throw new HostException(d);
        }
        return (Message) o;
    }

    /** The request has its answer: later messages under its id are dropped. */
    void done() {
        connection.forget(id);
    }
}

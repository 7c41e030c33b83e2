package io.netcr.app.hosts;

import io.netcr.app.Version;
import io.netcr.app.hosts.transport.StartFailures;
import io.netcr.app.hosts.transport.Transport;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.LineReader;
import io.netcr.app.protocol.Message;
import io.netcr.app.protocol.MessageCodec;
import io.netcr.app.protocol.ProtocolException;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.protocol.Requests;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * One conversation with a netcr agent over a {@link Transport}. A thread of its own reads the agent's output:
 * lines before the agent's hello are noise (a login script may print), reported and skipped; after it every line
 * must be a message, handed to the {@link Call} of its id. When the stream ends, every waiting call hears why —
 * before the hello from the exit status and standard error ({@link StartFailures}), after it as a lost
 * connection.
 */
final class AgentConnection implements AutoCloseable {

    /** What the owner hears besides answers. Called on the reader thread. */
    interface Listener {
        /** A line printed before the agent's hello (ignored). */
        default void noise(String line) {
        }

        /** The connection ended: lost, or closed by this side. */
        default void ended(Diagnostic why) {
        }
    }

    /** More lines than this before a hello: whatever runs there is not going to be an agent. */
    static final int MAX_NOISE_LINES = 1000;

    private final String label;
    private final boolean ssh;
    private final Transport transport;
    private final Listener listener;
    private final OutputStream out;
    private final CompletableFuture<Events.AgentHello> hello = new CompletableFuture<>();
    private final Map<Long, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Object writing = new Object();
    private volatile Diagnostic ended;
    private volatile boolean closing;
    private int protocol;

    AgentConnection(String label, boolean ssh, Transport transport, Listener listener) {
        this.label = label;
        this.ssh = ssh;
        this.transport = transport;
        this.listener = listener;
        this.out = transport.toAgent();
        Thread reader = new Thread(this::read, "netcr-agent-reader");
        reader.setDaemon(true);
        reader.start();
    }

    String label() {
        return label;
    }

    Transport transport() {
        return transport;
    }

    int protocol() {
        return protocol;
    }

    /**
     * Waits for the agent's hello, picks the newest protocol version both speak and says hello back. Fails with
     * what went wrong: the host not reached, no agent, no common version, no answer in time.
     */
    Events.AgentHello handshake(long millis) throws HostException, InterruptedException {
        Events.AgentHello h;
        try {
            h = hello.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            giveUp();
            throw HostException.of(Errno.ETIMEDOUT, label, Phase.READ, "no netcr agent answered from " + label
                    + " within " + millis / 1000 + " s (" + transport.describe() + ")"
                    + tail() + "; is the host reachable, and does the remote command start `netcr agent`?");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HostException he ? he
                    : HostException.of(Errno.EIO, label, Phase.READ, "cannot reach " + label + ": " + e.getCause());
        }
        int version = Protocol.common(h.protocols());
        if (version < 0) {
            closing = true; // no bye: it would not be understood
            transport.close();
            throw HostException.of(Errno.EPROTONOSUPPORT, label, Phase.READ, "the netcr agent on " + label + " (netcr "
                    + h.netcr() + ") speaks protocol version " + h.protocols() + "; this netcr (" + Version.number()
                    + ") speaks " + Protocol.VERSIONS + ": install the same netcr version on both machines");
        }
        Call call = open(id -> new Requests.Hello(id, Protocol.VERSIONS, Version.number()));
        try {
            Message m = call.next(millis);
            if (m instanceof Events.Error e) {
                closing = true;
                transport.close();
                throw new HostException(e.diagnostics());
            }
            protocol = version;
            return h;
        } finally {
            call.done();
        }
    }

    /** Registers a call under a new id and sends its request. */
    Call open(LongFunction<Message> request) throws HostException {
        long id = ids.incrementAndGet();
        Call call = new Call(id, this);
        calls.put(id, call);
        Diagnostic gone = ended;
        if (gone != null) {
            calls.remove(id);
            throw new HostException(gone);
        }
        send(request.apply(id));
        return call;
    }

    /** Sends one message; a failed write is a lost connection. */
    void send(Message m) throws HostException {
        byte[] line = (MessageCodec.encode(m) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writing) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                Diagnostic why = ended;
                throw new HostException(why != null ? why : Diagnostic.error(Errno.EPIPE, HostException.subject(label),
                        Phase.READ, "the connection to " + label + " is lost (" + e.getMessage() + ")" + tail()));
            }
        }
    }

    /** Sends, and forgets a failure (a cancel on a connection that is going anyway). */
    void sendQuietly(LongFunction<Message> message) {
        try {
            send(message.apply(ids.incrementAndGet()));
        } catch (HostException e) {
            // the connection is lost; the lost call says so
        }
    }

    void forget(long id) {
        calls.remove(id);
    }

    /** Ends the transport without a bye: a timeout, or a protocol failure. */
    void giveUp() {
        transport.close();
    }

    /** Says bye when the conversation went well, then ends the transport. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (ended == null && hello.isDone() && !hello.isCompletedExceptionally()) {
            try {
                Call bye = open(Requests.Bye::new);
                bye.next(5000);
                bye.done();
            } catch (HostException | InterruptedException e) {
                // it ends anyway
            }
        }
        transport.close();
    }

    private void read() {
        LineReader lines = new LineReader(transport.fromAgent(), Protocol.MAX_LINE);
        boolean greeted = false;
        int noise = 0;
        try {
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (!greeted) {
                    Events.AgentHello h = helloIn(line);
                    if (h != null) {
                        greeted = true;
                        hello.complete(h);
                    } else if (++noise > MAX_NOISE_LINES) {
                        fail(Errno.EPROTO, label + " printed more than " + MAX_NOISE_LINES + " lines and no netcr agent "
                                + "started; check the remote command (" + transport.describe() + ")");
                        return;
                    } else {
                        listener.noise(line instanceof LineReader.Text t ? t.text() : "(" + line + ")");
                    }
                    continue;
                }
                if (!(line instanceof LineReader.Text text)) {
                    fail(Errno.EPROTO, "the agent on " + label + " sent a line that is not a message (" + line + ")");
                    return;
                }
                Message m;
                try {
                    m = MessageCodec.decodeEvent(text.text());
                } catch (ProtocolException e) {
                    fail(Errno.EPROTO, "the agent on " + label + " sent a message this netcr cannot read: "
                            + e.getMessage());
                    return;
                }
                Call call = calls.get(m.id());
                if (call != null) {
                    call.offer(m);
                }
            }
            end(greeted, null);
        } catch (IOException e) {
            end(greeted, e);
        }
    }

    /** The agent's hello, if this line is one (it carries the agent mark); else null: noise. */
    private static Events.AgentHello helloIn(LineReader.Line line) {
        if (line instanceof LineReader.Text t && t.text().startsWith("{") && t.text().contains("\"agent\"")) {
            try {
                return MessageCodec.decodeEvent(t.text()) instanceof Events.AgentHello h ? h : null;
            } catch (ProtocolException e) {
                return null;
            }
        }
        return null;
    }

    private void fail(Errno code, String message) {
        transport.close();
        finish(Diagnostic.error(code, HostException.subject(label), Phase.READ, message));
    }

    private void end(boolean greeted, IOException error) {
        OptionalInt status;
        try {
            status = transport.exitStatus(2000);
        } catch (InterruptedException e) {
            status = OptionalInt.empty();
        }
        Diagnostic why;
        if (closing) {
            why = Diagnostic.error(Errno.ECONNABORTED, HostException.subject(label), Phase.READ,
                    "the connection to " + label + " was closed here");
        } else if (!greeted) {
            why = StartFailures.classify(label, transport.describe(), ssh, status, transport.stderrTail());
        } else {
            why = Diagnostic.error(Errno.ECONNRESET, HostException.subject(label), Phase.READ,
                    "the connection to " + label + " was lost (" + (status.isPresent() ? transport.describe()
                            + " ended with status " + status.getAsInt() : error != null ? error.getMessage()
                            : "its output ended") + ")" + tail());
        }
        finish(why);
    }

    private void finish(Diagnostic why) {
        if (ended != null) {
            return;
        }
        ended = why;
        hello.completeExceptionally(new HostException(why));
        calls.values().forEach(c -> c.lost(why));
        listener.ended(why);
    }

    private String tail() {
        var lines = transport.stderrTail();
        return lines.isEmpty() ? "" : ": " + String.join(" / ", lines.subList(Math.max(0, lines.size() - 2),
                lines.size()));
    }
}

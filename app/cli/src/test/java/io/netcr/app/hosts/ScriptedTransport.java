package io.netcr.app.hosts;

import io.netcr.app.hosts.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

/**
 * A transport whose far side is a test: it writes the lines an agent (or whatever else runs there) would print,
 * ends them when it likes with the exit status and standard error it likes, and can read what the client sent.
 */
final class ScriptedTransport implements Transport {

    private final Pipe fromAgent;
    private final OutputStream script;
    private final InputStream in;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private volatile OptionalInt status = OptionalInt.empty();
    private volatile List<String> stderr = List.of();
    private volatile boolean closed;

    ScriptedTransport() throws IOException {
        fromAgent = Pipe.open();
        script = Channels.newOutputStream(fromAgent.sink());
        in = Channels.newInputStream(fromAgent.source());
    }

    /** The far side prints a line. */
    void print(String line) throws IOException {
        script.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        script.flush();
    }

    /** The far side ends, with this status and these last lines of standard error. */
    void exit(int code, List<String> lastStderr) throws IOException {
        stderr = List.copyOf(lastStderr);
        status = OptionalInt.of(code);
        script.close();
    }

    /** What the client has sent so far. */
    String sent() {
        synchronized (sent) {
            return sent.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until the client has sent a line containing {@code fragment}; false when it has not in time. */
    boolean awaitSent(String fragment, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (sent) {
            while (!sent.toString(StandardCharsets.UTF_8).contains(fragment)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                sent.wait(left);
            }
            return true;
        }
    }

    boolean closed() {
        return closed;
    }

    @Override
    public InputStream fromAgent() {
        return in;
    }

    @Override
    public OutputStream toAgent() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (sent) {
                    sent.write(b);
                    sent.notifyAll();
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (sent) {
                    sent.write(b, off, len);
                    sent.notifyAll();
                }
            }
        };
    }

    @Override
    public List<String> stderrTail() {
        return stderr;
    }

    @Override
    public OptionalInt exitStatus(long millis) {
        return status;
    }

    @Override
    public String describe() {
        return "ssh web2";
    }

    @Override
    public void close() {
        closed = true;
        try {
            script.close();
        } catch (IOException e) {
            // closed already
        }
    }
}

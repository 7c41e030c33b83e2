package io.netcr.app.hosts;

import io.netcr.app.agent.Agent;
import io.netcr.app.hosts.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link Agent#serve} on a thread of this process, joined to its client by two real pipes of the kernel (a closed
 * end reads as EOF, a write to a closed end fails as EPIPE, as with ssh), so that the protocol's two ends can be
 * tested without a second process. As a {@link Transport}, its exit status is what {@code serve} returned.
 */
public final class InProcessAgent implements Transport {

    private final Pipe toAgent;
    private final Pipe fromAgent;
    private final InputStream agentOutput;
    private final OutputStream agentInput;
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    public InProcessAgent(Host host) throws IOException {
        this(host, () -> { });
    }

    /** {@code onReturn} runs on the agent's thread the moment serve returns (a test looks at the host then). */
    public InProcessAgent(Host host, Runnable onReturn) throws IOException {
        toAgent = Pipe.open();
        fromAgent = Pipe.open();
        agentOutput = Channels.newInputStream(fromAgent.source());
        agentInput = Channels.newOutputStream(toAgent.sink());
        Thread t = new Thread(() -> {
            OutputStream out = Channels.newOutputStream(fromAgent.sink());
            try {
                int exit = Agent.serve(Channels.newInputStream(toAgent.source()), out, host);
                onReturn.run();
                status.complete(exit);
            } catch (RuntimeException | Error e) {
                status.completeExceptionally(e);
            } finally {
                try {
                    out.close(); // as a process's exit closes its output
                } catch (IOException e) {
                    // closed already
                }
            }
        }, "in-process-agent");
        t.start();
    }

    /** What serve returned, within the time given, or an exception when it did not return. */
    public int awaitExit(long millis) throws InterruptedException, ExecutionException, TimeoutException {
        return status.get(millis, TimeUnit.MILLISECONDS);
    }

    public boolean hasExited() {
        return status.isDone();
    }

    /** Closes the client's reading end: the agent's next write fails (EPIPE). */
    public void stopReading() throws IOException {
        agentOutput.close();
    }

    @Override
    public InputStream fromAgent() {
        return agentOutput;
    }

    @Override
    public OutputStream toAgent() {
        return agentInput;
    }

    @Override
    public List<String> stderrTail() {
        return List.of();
    }

    @Override
    public OptionalInt exitStatus(long millis) throws InterruptedException {
        try {
            return OptionalInt.of(status.get(millis, TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public String describe() {
        return "netcr agent (in this process)";
    }

    /** Closes the agent's input: it sees EOF, as when ssh goes away. */
    @Override
    public void close() {
        try {
            agentInput.close();
        } catch (IOException e) {
            // closed already
        }
    }
}

package io.netcr.app.hosts.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A transport that is a process of this machine: ssh, or the command that starts a local agent. Its standard
 * error is read by a thread of its own, its last lines kept for messages; nothing ever waits for that stream to
 * end (an ssh master that lingers for reuse may hold it open).
 */
public final class ProcessTransport implements Transport {

    private static final int TAIL_LINES = 20;
    private static final int MAX_STDERR_LINE = 1000;

    private final Process process;
    private final String describe;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CountDownLatch drained = new CountDownLatch(1);

    private ProcessTransport(Process process, String describe, Consumer<String> stderrLines) {
        this.process = process;
        this.describe = describe;
        Thread drain = new Thread(() -> drain(process.getErrorStream(), stderrLines), "netcr-transport-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code argv} with {@code env} added to this process's environment. {@code stderrLines} hears each
     * line the process writes to its standard error (on a thread of its own).
     */
    public static ProcessTransport start(List<String> argv, Map<String, String> env, String describe,
                                         Consumer<String> stderrLines) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        return new ProcessTransport(pb.start(), describe, stderrLines);
    }

    private void drain(InputStream err, Consumer<String> listener) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String kept = line.length() <= MAX_STDERR_LINE ? line : line.substring(0, MAX_STDERR_LINE) + "...";
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(kept);
                }
                listener.accept(kept);
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or the listener failed: what was kept stays
        } finally {
            drained.countDown();
        }
    }

    /** The process itself (tests kill ssh with it, to drop a connection). */
    public Process process() {
        return process;
    }

    @Override
    public InputStream fromAgent() {
        return process.getInputStream();
    }

    @Override
    public OutputStream toAgent() {
        return process.getOutputStream();
    }

    /**
     * {@inheritDoc} Once the process has ended, this waits a moment for the rest of its standard error (its last
     * line says why it ended); an ssh master that lingers for reuse may keep the stream open, so not for long.
     */
    @Override
    public List<String> stderrTail() {
        if (!process.isAlive()) {
            try {
                drained.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    @Override
    public OptionalInt exitStatus(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the agent sees the end of its input
        } catch (IOException e) {
            // already closed
        }
        try {
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

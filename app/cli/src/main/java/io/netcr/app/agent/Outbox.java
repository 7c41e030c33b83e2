package io.netcr.app.agent;

import io.netcr.app.protocol.Message;
import io.netcr.app.protocol.MessageCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The agent's standard output: one writer thread takes messages from a queue, writes each as one line and flushes
 * when the queue runs empty. Whoever posts never waits for the client: a restore must not stop half-way because a
 * client stopped reading. So step events are dropped while too much waits (the result never is); data waits for
 * room instead (a snapshot's image may as well wait). When a write fails (EPIPE: the client is gone) the outbox
 * is dead: everything posted after is dropped, and the work goes on.
 */
final class Outbox implements AutoCloseable {

    /** Characters that may wait before step events are dropped and data waits. */
    static final long HIGH_WATER = 4L << 20;

    private static final Message END = new io.netcr.app.protocol.Requests.Bye(Long.MAX_VALUE);

    private final OutputStream out;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private long waiting; // characters queued, under this
    private volatile boolean dead;
    private volatile boolean dropped;

    Outbox(OutputStream out) {
        this.out = out;
        this.writer = new Thread(this::write, "netcr-agent-writer");
        writer.start();
    }

    /** Posts a message that must go out (answers, results, hello). */
    void post(Message m) {
        enqueue(MessageCodec.encode(m));
    }

    /** Posts an event that may be dropped when the client falls behind; false when it was. */
    boolean postDroppable(Message m) {
        synchronized (this) {
            if (waiting > HIGH_WATER) {
                dropped = true;
                return false;
            }
        }
        post(m);
        return true;
    }

    /** Posts data, first waiting while the client falls behind (never when the client is gone). */
    void postData(Message m) throws InterruptedException {
        String line = MessageCodec.encode(m);
        synchronized (this) {
            while (waiting > HIGH_WATER && !dead) {
                wait();
            }
        }
        enqueue(line);
    }

    private void enqueue(String line) {
        if (dead) {
            return;
        }
        synchronized (this) {
            waiting += line.length();
        }
        queue.add(line);
    }

    /** True once a write has failed: the client is gone. */
    boolean dead() {
        return dead;
    }

    /** True when step events were dropped because the client did not keep up. */
    boolean droppedEvents() {
        return dropped;
    }

    private void write() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    flush();
                    return;
                }
                String line = (String) next;
                if (!dead) {
                    try {
                        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        if (queue.isEmpty()) {
                            out.flush();
                        }
                    } catch (IOException e) {
                        dead = true; // EPIPE: the client is gone; the work is not
                    }
                }
                synchronized (this) {
                    waiting -= line.length();
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            dead = true;
        }
    }

    /** Writes out what is queued, then stops the writer. */
    @Override
    public void close() {
        queue.add(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            dead = true;
            notifyAll();
        }
    }
}

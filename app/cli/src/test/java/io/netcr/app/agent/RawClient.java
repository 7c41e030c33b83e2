package io.netcr.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.InProcessAgent;
import io.netcr.app.protocol.JsonValues;
import io.netcr.app.protocol.LineReader;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.protocol.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client that speaks the agent protocol by hand, line by line, to an {@link InProcessAgent}: it writes what a
 * test gives it (garbage included) and reads the agent's lines as plain JSON objects, on a thread of its own so
 * that a test can wait for the next one with a deadline.
 */
final class RawClient implements AutoCloseable {

    static final long WAIT_MILLIS = 20_000;

    final InProcessAgent agent;
    private final BlockingQueue<Object> lines = new ArrayBlockingQueue<>(100_000);

    RawClient(Host host) throws IOException {
        this(host, () -> { });
    }

    RawClient(Host host, Runnable onReturn) throws IOException {
        agent = new InProcessAgent(host, onReturn);
        Thread reader = new Thread(() -> {
            LineReader r = new LineReader(agent.fromAgent(), Protocol.MAX_LINE * 2);
            try {
                LineReader.Line line;
                while ((line = r.next()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the test closed it
            }
            lines.add("EOF");
        }, "raw-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void send(String line) throws IOException {
        agent.toAgent().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        agent.toAgent().flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
        agent.toAgent().write(bytes);
        agent.toAgent().flush();
    }

    void hello() throws Exception {
        assertEquals("hello", next().get("type"), "the agent greets first");
        sayHello();
    }

    /** The client's hello, and its answer. */
    void sayHello() throws Exception {
        send("{\"type\":\"hello\",\"id\":1,\"protocols\":[1],\"netcr\":\"test\"}");
        Map<String, Object> answer = next();
        assertEquals("result", answer.get("type"), answer.toString());
        assertEquals(1L, answer.get("protocol"));
    }

    /** The agent's next line, as a JSON object. */
    Map<String, Object> next() throws InterruptedException, ProtocolException {
        Object o = lines.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertNotNull(o, "the agent said nothing within " + WAIT_MILLIS + " ms");
        if ("EOF".equals(o)) {
            return Map.of("type", "EOF");
        }
        return JsonValues.parseObject(assertInstanceOf(LineReader.Text.class, o).text());
    }

    /** The next line whose type is {@code type}, skipping others. */
    Map<String, Object> nextOf(String type) throws Exception {
        while (true) {
            Map<String, Object> m = next();
            if (type.equals(m.get("type")) || "EOF".equals(m.get("type"))) {
                return m;
            }
        }
    }

    /** The first diagnostic's code of an error line. */
    static String code(Map<String, Object> error) {
        assertEquals("error", error.get("type"), error.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) ((java.util.List<?>) error.get("diagnostics")).get(0);
        return (String) d.get("code");
    }

    @Override
    public void close() {
        agent.close();
    }
}

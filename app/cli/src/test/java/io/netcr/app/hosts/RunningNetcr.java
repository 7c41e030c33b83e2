package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code netcr} command that runs until told (netcr monitor), in a process of its own: its lines as they come
 * (each with the moment it arrived), a wait for a line with a deadline, signals, and its end.
 */
final class RunningNetcr implements AutoCloseable {

    /** A line and when it was read (System.nanoTime). */
    record Line(String text, long nanos) {
    }

    final Process process;
    private final BlockingQueue<Line> out = new LinkedBlockingQueue<>();
    private final BlockingQueue<Line> err = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    RunningNetcr(Map<String, String> env, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(TestSshd.netcrCommand().split(" ")));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        process = pb.start();
        process.getOutputStream().close();
        pump(process.getInputStream(), out, "out");
        pump(process.getErrorStream(), err, "err");
    }

    private static void pump(InputStream in, BlockingQueue<Line> to, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String s; (s = r.readLine()) != null; ) {
                    to.add(new Line(s, System.nanoTime()));
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "netcr-test-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** The first line of standard output (or error) that matches, waiting at most {@code seconds}. */
    Line await(boolean stderr, Predicate<String> p, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        BlockingQueue<Line> q = stderr ? err : out;
        while (true) {
            long left = deadline - System.nanoTime();
            Line l = left <= 0 ? null : q.poll(left, TimeUnit.NANOSECONDS);
            if (l == null) {
                fail("no matching line within " + seconds + " s; lines so far: " + seen + "; stderr: " + err);
            }
            seen.add(l.text());
            if (p.test(l.text())) {
                return l;
            }
        }
    }

    /** Sends a signal by name (INT, TERM) to the netcr process. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name);
    }

    /** Its exit status, waiting at most {@code seconds}. */
    int awaitExit(int seconds) throws InterruptedException {
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "netcr ended within " + seconds + " s");
        return process.exitValue();
    }

    /** What standard output still holds (after the end). */
    List<String> rest() {
        List<String> lines = new ArrayList<>();
        out.forEach(l -> lines.add(l.text()));
        return lines;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

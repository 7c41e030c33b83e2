package io.netcr.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LiveWatch;
import io.netcr.app.protocol.DeltaJson;
import io.netcr.model.Snapshot;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netcr monitor}: prints the host's changes as they happen, one line each, in the spirit of
 * {@code ip monitor} (time, namespace, object, what changed, old -> new), or one JSON object per line with
 * {@code --json}; each line is flushed. Runs until SIGINT or SIGTERM, then ends cleanly (every socket closed,
 * exit status 0). With {@code --host}, another machine's changes, through its agent's {@code subscribe}.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Print the changes of this host's network namespaces as they happen: namespaces, devices, "
            + "addresses, routes and policy rules added, changed or removed.",
            "Runs until interrupted (Ctrl-C, SIGTERM). Following namespaces other than your own needs root. With "
            + "--host, another machine's, followed there by its netcr agent."})
public final class MonitorCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "one JSON object per change and line: time, netns, kind, action, name, "
            + "device (for an address), namespace (its id) and changed (each field's old and new value); "
            + "docs/monitor.md")
    boolean json;

    @Option(names = "--netns", paramLabel = "NAME", description = "only this namespace (repeatable)")
    List<String> netns = List.of();

    @Mixin
    HostOption hostOption;

    private final CountDownLatch over = new CountDownLatch(1);
    private volatile HostException lost;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StopSignals.onIntOrTerm(over::countDown);
        try (Host host = hostOption.open(err);
             AutoCloseable subscription = host.subscribe(netns, new Printer(out, err))) {
            over.await();
        } catch (HostException e) {
            HostOption.print("monitor", e, err);
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            err.println("netcr monitor: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        out.flush();
        if (lost != null) {
            HostOption.print("monitor", lost, err);
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** Prints what the host says; called on the subscription's one thread. */
    private final class Printer implements LiveWatch {
        private final PrintWriter out;
        private final PrintWriter err;

        Printer(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void started(Snapshot first) {
            err.println("netcr monitor: following " + first.namespaces().size() + " namespace(s) of "
                    + (hostOption.remote() ? hostOption.host : "this host") + " (Ctrl-C to stop)");
            err.flush();
        }

        @Override
        public void updated(LiveUpdate update, Snapshot after) {
            Instant now = Instant.now();
            for (Delta d : update.deltas()) {
                out.println(json ? jsonLine(now, d) : CLOCK.format(now) + " " + d);
                out.flush();
            }
        }

        @Override
        public void ended(HostException why) {
            lost = why;
            over.countDown();
        }
    }

    private static String jsonLine(Instant time, Delta d) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", time.toString());
        line.putAll(DeltaJson.toMap(d));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delta has no JSON form: " + d, e);
        }
    }
}

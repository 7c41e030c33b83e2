package io.netcr.app.agent;

import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.protocol.Data;
import io.netcr.app.protocol.DiagnosticJson;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Items;
import io.netcr.app.protocol.Protocol;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One request the agent works on, on a thread of its own: it calls the {@link Host} the agent serves and turns
 * what comes back into messages. Whatever happens, it ends with exactly one result or error under its id.
 */
abstract class Job implements Runnable {

    final long id;
    final Host host;
    final Outbox out;
    final Cancellation cancellation = new Cancellation();
    private Runnable onEnd = () -> { };

    Job(long id, Host host, Outbox out) {
        this.id = id;
        this.host = host;
        this.out = out;
    }

    void onEnd(Runnable action) {
        onEnd = action;
    }

    /** The work; throws only what {@link #run} turns into an error. */
    abstract void work() throws HostException, InterruptedException;

    /** True for a restore past its upload: the agent's exit waits for it (a snapshot need not be waited for). */
    boolean changesTheHost() {
        return false;
    }

    /** Asks it to stop; false when it cannot any more. */
    boolean cancel() {
        return cancellation.cancel();
    }

    @Override
    public final void run() {
        try {
            work();
        } catch (HostException e) {
            out.post(new Events.Error(id, e.diagnostics()));
        } catch (InterruptedException e) {
            out.post(error(Errno.ECANCELED, "the agent was stopped before this request ended"));
        } catch (RuntimeException | LinkageError e) {
            out.post(error(Errno.EIO, "the agent failed on this request: " + e + " (please report this)"));
        } finally {
            onEnd.run();
        }
    }

    Events.Error error(Errno code, String message) {
        return new Events.Error(id, List.of(Diagnostic.error(code, SubjectPath.ROOT, Phase.READ, message)));
    }

    /** Sends these bytes as data pieces; false when cancelled on the way (then an ECANCELED error was sent). */
    boolean sendData(byte[] bytes) throws InterruptedException {
        int seq = 0;
        for (int at = 0; at < bytes.length; at += Protocol.CHUNK_BYTES) {
            if (cancellation.isCancelled()) {
                out.post(error(Errno.ECANCELED, "cancelled; the rest was not sent"));
                return false;
            }
            out.postData(new Data(id, seq++, Arrays.copyOfRange(bytes, at, Math.min(bytes.length,
                    at + Protocol.CHUNK_BYTES))));
        }
        return true;
    }

    /** Sends the diagnostics as an items list {@code diagnostics} (sent before the result that counts them). */
    void sendDiagnostics(List<Diagnostic> diagnostics) {
        Items.send(id, "diagnostics", DiagnosticJson.toMaps(diagnostics), out::post);
    }

    /** A text from the other side (or for it) as one printable line of at most 200 characters. */
    static String printable(String text) {
        return printable(text, 200);
    }

    /** A text as one printable line of at most {@code max} characters. */
    static String printable(String text, int max) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }

    static Map<String, Object> counts(String list, int n) {
        return Map.of(list, (long) n);
    }
}

package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.HostInfo;
import io.netcr.app.protocol.Data;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.LineReader;
import io.netcr.app.protocol.Message;
import io.netcr.app.protocol.MessageCodec;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.protocol.ProtocolException;
import io.netcr.app.protocol.Requests;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * One client's conversation with the agent, read line by line from standard input: the hello that must come
 * first, then requests, each started as a {@link Job}. A line that is not a message gets an error and the
 * conversation goes on; too many of them end it. The input's end (or a bye) ends the conversation, but not the
 * work: the session waits for every running job before it returns.
 */
final class Session {

    /** Lines that are not messages before the agent stops listening. */
    static final int MAX_BAD_LINES = 64;

    /** Exit status after a client that speaks no protocol version this agent speaks. */
    static final int NO_COMMON_VERSION = 2;

    private final Host host;
    private final HostInfo self;
    private final Outbox out;
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final Map<Long, RestoreJob> uploading = new ConcurrentHashMap<>();
    private boolean greeted;
    private int badLines;

    Session(Host host, HostInfo self, Outbox out) {
        this.host = host;
        this.self = self;
        this.out = out;
    }

    /** Serves until the input ends, a bye, or a fatal mismatch; returns the exit status. */
    int serve(LineReader in) {
        long bye = 0;
        int status = 0;
        try {
            LineReader.Line line;
            while ((line = in.next()) != null) {
                Message m = message(line);
                if (m == null) {
                    if (badLines > MAX_BAD_LINES) {
                        out.post(error(0, Errno.EPROTO, "more than " + MAX_BAD_LINES + " lines were not messages; "
                                + "the agent stops listening (work under way goes on)"));
                        break;
                    }
                    continue;
                }
                if (m instanceof Requests.Bye b) {
                    bye = b.id();
                    break;
                }
                if (!greeted && !(m instanceof Requests.Hello)) {
                    out.post(error(m.id(), Errno.EPROTO, "say hello first: {\"type\":\"hello\",\"id\":1,\"protocols\":"
                            + Protocol.VERSIONS + "}"));
                    continue;
                }
                if (m instanceof Requests.Hello h && !hello(h)) {
                    status = NO_COMMON_VERSION;
                    break;
                }
                dispatch(m);
            }
        } catch (IOException e) {
            // the input broke: as if it had ended
        }
        uploading.values().forEach(j -> ended(j.id)); // their image never all arrived: nothing ran
        uploading.clear();
        running.values().stream().filter(j -> j instanceof SubscribeJob).forEach(Job::cancel); // nobody listens
        awaitRunning();
        if (bye != 0) {
            out.post(new Events.Result(bye, Map.of()));
        }
        return status;
    }

    /** The message on this line, or null after answering why it is none. */
    private Message message(LineReader.Line line) {
        if (line instanceof LineReader.Oversized o) {
            badLines++;
            out.post(error(0, Errno.EMSGSIZE, "a line of " + o.length() + " bytes; a message is at most "
                    + Protocol.MAX_LINE + " bytes"));
            return null;
        }
        if (line instanceof LineReader.Undecodable u) {
            badLines++;
            out.post(error(0, Errno.EILSEQ, u.reason()));
            return null;
        }
        try {
            return MessageCodec.decodeRequest(((LineReader.Text) line).text());
        } catch (ProtocolException e) {
            badLines++;
            out.post(error(e.id(), e.code(), e.getMessage()));
            return null;
        }
    }

    /** Answers a hello; false when the client speaks no version this agent speaks (it then says so). */
    private boolean hello(Requests.Hello h) {
        if (greeted) {
            out.post(error(h.id(), Errno.EPROTO, "hello was said already"));
            return true;
        }
        int version = Protocol.common(h.protocols());
        if (version < 0) {
            out.post(error(h.id(), Errno.EPROTONOSUPPORT, "this agent (netcr " + self.netcr() + " on "
                    + self.hostname() + ") speaks protocol version " + Protocol.VERSIONS + "; the client (netcr "
                    + h.netcr() + ") speaks " + h.protocols() + ": install the same netcr version on both machines"));
            return false;
        }
        greeted = true;
        out.post(new Events.Result(h.id(), Map.of("protocol", (long) version)));
        return true;
    }

    private void dispatch(Message m) {
        if (m instanceof Data d) {
            receive(d);
        } else if (m instanceof Requests.Cancel c) {
            cancel(c);
        } else if (m instanceof Requests.Subscribe s) {
            start(new SubscribeJob(s, host, out), BoundaryChecks.netns(s.netns()));
        } else if (m instanceof Requests.Status s) {
            start(new StatusJob(s, host, out), List.of());
        } else if (m instanceof Requests.Recover r) {
            start(new RecoverJob(r, host, out), List.of());
        } else if (m instanceof Requests.Snapshot s) {
            start(new SnapshotJob(s, host, out), BoundaryChecks.netns(s.netns()));
        } else if (m instanceof Requests.Checkpoint c) {
            start(new CheckpointJob(c, host, out), BoundaryChecks.netns(c.netns()));
        } else if (m instanceof Requests.Restore r) {
            accept(new RestoreJob(r, host, out), BoundaryChecks.restore(r));
        }
    }

    /** Starts a job on its own thread, unless its id is taken, too much runs, or its request is refused. */
    private void start(Job job, List<Diagnostic> refused) {
        if (accept(job, refused)) {
            launch(job);
        }
    }

    /** Registers a job (a restore then waits for its image); false after answering why not. */
    private boolean accept(Job job, List<Diagnostic> refused) {
        if (!refused.isEmpty()) {
            out.post(new Events.Error(job.id, refused));
            return false;
        }
        if (running.containsKey(job.id)) {
            out.post(error(job.id, Errno.EEXIST, "request " + job.id + " is still running; give each request an id "
                    + "of its own"));
            return false;
        }
        if (running.size() >= Protocol.MAX_RUNNING) {
            out.post(error(job.id, Errno.EAGAIN, Protocol.MAX_RUNNING + " requests are running already; wait for one "
                    + "to end"));
            return false;
        }
        running.put(job.id, job);
        if (job instanceof RestoreJob r) {
            uploading.put(r.id, r);
        }
        return true;
    }

    private void launch(Job job) {
        job.onEnd(() -> ended(job.id));
        Thread t = new Thread(job, "netcr-agent-request-" + job.id);
        t.start(); // not a daemon: the agent does not exit under a restore
    }

    private void receive(Data d) {
        RestoreJob job = uploading.get(d.id());
        if (job == null) {
            out.post(error(d.id(), Errno.ENOENT, "no restore waits for data under id " + d.id()));
            return;
        }
        try {
            if (job.receive(d)) {
                uploading.remove(d.id());
                launch(job);
            }
        } catch (RestoreJob.BadPiece e) {
            uploading.remove(d.id());
            ended(d.id());
            out.post(job.abandoned(Errno.EBADMSG, e.getMessage()));
        }
    }

    private void cancel(Requests.Cancel c) {
        RestoreJob upload = uploading.remove(c.target());
        boolean cancelled;
        if (upload != null) {
            ended(c.target());
            out.post(upload.abandoned(Errno.ECANCELED, "cancelled before its image had all arrived"));
            cancelled = true;
        } else {
            Job job = running.get(c.target());
            cancelled = job != null && job.cancel();
        }
        out.post(new Events.Result(c.id(), Map.of("cancelled", cancelled)));
    }

    /** A job is gone (ended, or dropped before it ran): whoever waits for jobs looks again. */
    private void ended(long id) {
        synchronized (running) {
            running.remove(id);
            running.notifyAll();
        }
    }

    /** Waits until every running job has ended. */
    private void awaitRunning() {
        awaitWhile(() -> !running.isEmpty());
    }

    /**
     * Waits while a restore (not a dry run) runs past its upload: the exit hook's wait on SIGTERM. An upload that
     * never completes is not waited for: nothing of it has run.
     */
    void awaitRestores() {
        awaitWhile(() -> running.values().stream().anyMatch(j -> j.changesTheHost() && !uploading.containsKey(j.id)));
    }

    private void awaitWhile(BooleanSupplier busy) {
        synchronized (running) {
            while (busy.getAsBoolean()) {
                try {
                    running.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Events.Error error(long id, Errno code, String message) {
        return new Events.Error(id, List.of(Diagnostic.error(code, SubjectPath.ROOT, Phase.READ, message)));
    }
}

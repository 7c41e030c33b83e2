package io.netcr.app.protocol;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The messages the agent sends (docs/agent.md, "Answers and events"), each under the id of its request. */
public final class Events {

    private Events() {
    }

    /**
     * The agent's first line, before it reads anything: who it is and what it can do. It carries
     * {@code "agent": "netcr"} so that a client can tell it from anything a remote shell prints before it.
     */
    public record AgentHello(List<Integer> protocols, String netcr, String host, String kernel, long uid,
                             List<String> capabilities) implements Message {
        public AgentHello {
            protocols = List.copyOf(protocols);
            capabilities = List.copyOf(capabilities);
        }

        public String type() {
            return "hello";
        }

        public long id() {
            return 0;
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agent", Protocol.AGENT_MARK);
            m.put("protocols", Requests.longs(protocols));
            m.put("netcr", netcr);
            m.put("host", host);
            m.put("kernel", kernel);
            m.put("uid", uid);
            m.put("capabilities", capabilities);
            return m;
        }
    }

    /** A restore waits for the restore lock, which {@code holder} holds. */
    public record Waiting(long id, String holder) implements Message {
        public String type() {
            return "waiting";
        }

        public Map<String, Object> fields() {
            return Map.of("holder", holder);
        }
    }

    /** A restore has the lock and has begun: from now on it completes or rolls back, and cannot be cancelled. */
    public record Begun(long id) implements Message {
        public String type() {
            return "begun";
        }

        public Map<String, Object> fields() {
            return Map.of();
        }
    }

    /**
     * The plan a restore made (and, unless a dry run, runs): its steps, new names and findings came before
     * as {@link Items} lists {@code steps}, {@code names} and {@code findings}, of the sizes in {@code counts}.
     */
    public record Planned(long id, Map<String, Long> counts) implements Message {
        public Planned {
            counts = Map.copyOf(counts);
        }

        public String type() {
            return "plan";
        }

        public Map<String, Object> fields() {
            return Map.of("counts", new TreeMap<>(counts));
        }
    }

    /** Step {@code number} of {@code total} starts, or, when {@code undo}, change {@code number} is undone. */
    public record Progress(long id, boolean undo, int number, int total, String text) implements Message {
        public String type() {
            return "progress";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", undo ? "undo" : "step");
            m.put("number", (long) number);
            m.put("total", (long) total);
            m.put("text", text);
            return m;
        }
    }

    /**
     * A request ended as it should: its fields depend on the request (docs/agent.md). Lists it has came before
     * as {@link Items}, of the sizes in its {@code counts} field.
     */
    public record Result(long id, Map<String, Object> fields) implements Message {
        public Result {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String type() {
            return "result";
        }
    }

    /**
     * One update of a subscription (it does not end the request): the namespaces it changes came before as data
     * (a JSON snapshot of {@code size} bytes; the first update's holds the whole followed host), its deltas and
     * the ids of namespaces gone as {@link Items} lists {@code deltas} and {@code removed}, of the sizes in its
     * {@code counts}. {@code first} marks the first, {@code resync} an update after a namespace was read whole again.
     */
    public record Update(long id, Map<String, Object> fields) implements Message {
        public Update {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String type() {
            return "update";
        }
    }

    /** A request failed as a request: not understood, not allowed, cancelled, not supported. */
    public record Error(long id, List<Diagnostic> diagnostics) implements Message {
        public Error {
            diagnostics = List.copyOf(diagnostics);
        }

        public String type() {
            return "error";
        }

        public Map<String, Object> fields() {
            return Map.of("diagnostics", diagnostics.stream().map(d -> (Object) DiagnosticJson.toMap(d)).toList());
        }
    }

    /** Reads an agent's message of this type; the client's side of {@link MessageCodec}. */
    static Message read(String type, long id, Map<String, Object> values) throws ProtocolException {
        Fields f = new Fields(values, "the agent's " + type + " message");
        switch (type) {
            case "hello":
                if (!Protocol.AGENT_MARK.equals(values.get("agent"))) {
                    throw new ProtocolException(Errno.EPROTO, "a hello that is not a netcr agent's");
                }
                return new AgentHello(f.smallNumbers("protocols"), f.textOr("netcr", "?"), f.textOr("host", "?"),
                        f.textOr("kernel", "?"), f.numberOr("uid", -1, -1, Integer.MAX_VALUE * 2L),
                        f.texts("capabilities"));
            case "data":
                return Data.read(id, f);
            case "items":
                return Items.read(id, f);
            case "waiting":
                return new Waiting(id, f.textOr("holder", "another restore"));
            case "begun":
                return new Begun(id);
            case "plan":
                return new Planned(id, counts(f));
            case "progress":
                return new Progress(id, "undo".equals(f.textOr("kind", "step")), (int) f.number("number", 0,
                        Integer.MAX_VALUE), (int) f.number("total", 0, Integer.MAX_VALUE), f.text("text", 65536));
            case "result":
                return new Result(id, values);
            case "update":
                return new Update(id, values);
            case "error":
                return new Error(id, DiagnosticJson.readAll(f.objects("diagnostics")));
            default:
                throw new ProtocolException(Errno.EPROTO, id, "the agent sent a message of unknown type '"
                        + JsonValues.shorten(type) + "'");
        }
    }

    /** A message's {@code counts}: each list's name and size. */
    public static Map<String, Long> counts(Fields f) throws ProtocolException {
        Map<String, Long> out = new LinkedHashMap<>();
        Fields counts = f.object("counts");
        for (String list : List.of("steps", "names", "findings", "diagnostics", "restored", "actions", "deltas",
                "removed")) {
            if (counts.has(list)) {
                out.put(list, counts.number(list, 0, Integer.MAX_VALUE));
            }
        }
        return out;
    }
}

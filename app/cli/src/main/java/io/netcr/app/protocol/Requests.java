package io.netcr.app.protocol;

import io.netcr.model.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The messages a client sends (docs/agent.md, "Requests"). Each one is answered under its own id. */
public final class Requests {

    private Requests() {
    }

    /** The first request: the versions the client speaks; the agent answers with the one it chose. */
    public record Hello(long id, List<Integer> protocols, String netcr) implements Message {
        public Hello {
            protocols = List.copyOf(protocols);
        }

        public String type() {
            return "hello";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocols", longs(protocols));
            m.put("netcr", netcr);
            return m;
        }
    }

    /** A snapshot of the agent's host, of every namespace or of those named; it comes back as an image. */
    public record Snapshot(long id, List<String> netns) implements Message {
        public Snapshot {
            netns = List.copyOf(netns);
        }

        public String type() {
            return "snapshot";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("netns", netns);
            return m;
        }
    }

    /** A checkpoint of the namespaces named (or all); the image comes back as data. */
    public record Checkpoint(long id, List<String> netns, boolean all, boolean skipUnsupported, int maxAddresses)
            implements Message {
        public Checkpoint {
            netns = List.copyOf(netns);
        }

        public String type() {
            return "checkpoint";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("netns", netns);
            m.put("all", all);
            m.put("skipUnsupported", skipUnsupported);
            m.put("maxAddresses", (long) maxAddresses);
            return m;
        }
    }

    /**
     * A restore of the image that follows as {@code size} bytes of data under this id. {@code dryRun} asks
     * for the plan only; {@code waitForLock} waits for another restore instead of failing with EBUSY; {@code progress}
     * asks for an event per step; {@code holder} says who asks, for the lock's holder text.
     */
    public record Restore(long id, long size, boolean dryRun, Map<String, String> renames, String prefix, boolean waitForLock,
                          boolean progress, String holder) implements Message {
        public Restore {
            renames = Map.copyOf(renames);
        }

        public String type() {
            return "restore";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("size", size);
            m.put("dryRun", dryRun);
            m.put("renames", new TreeMap<>(renames));
            m.put("prefix", prefix);
            m.put("wait", waitForLock);
            m.put("progress", progress);
            m.put("holder", holder);
            return m;
        }
    }

    /** Stops request {@code target} if it still can be: a restore only until it has the lock. */
    public record Cancel(long id, long target) implements Message {
        public String type() {
            return "cancel";
        }

        public Map<String, Object> fields() {
            return Map.of("target", target);
        }
    }

    /**
     * Follows the host's changes, of every namespace or of those named: answered by {@link Events.Update}s until
     * it is cancelled (then a result) or the agent's monitor stops (then an error).
     */
    public record Subscribe(long id, List<String> netns) implements Message {
        public Subscribe {
            netns = List.copyOf(netns);
        }

        public String type() {
            return "subscribe";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("netns", netns);
            return m;
        }
    }

    /**
     * Asks how restores on the agent's host stand, from its restore journal: a restore that did not finish (its
     * journal left behind), one running now, and how the last one ended, whichever connection ran it.
     */
    public record Status(long id) implements Message {
        public String type() {
            return "status";
        }

        public Map<String, Object> fields() {
            return Map.of();
        }
    }

    /**
     * Recovers from a restore that did not finish, as {@code netcr recover} does there: undoes what it made, or
     * with {@code finish} completes it; {@code dryRun} says what it would do and changes nothing; {@code holder}
     * says who asks, for the lock's holder text.
     */
    public record Recover(long id, boolean finish, boolean dryRun, String holder) implements Message {
        public String type() {
            return "recover";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("finish", finish);
            m.put("dryRun", dryRun);
            m.put("holder", holder);
            return m;
        }
    }

    /** The last request: the agent lets running work finish, answers, and exits. */
    public record Bye(long id) implements Message {
        public String type() {
            return "bye";
        }

        public Map<String, Object> fields() {
            return Map.of();
        }
    }

    /** Reads a request of this type; the agent's side of {@link MessageCodec}. */
    static Message read(String type, long id, Map<String, Object> values) throws ProtocolException {
        Fields f = new Fields(values, "a " + type + " request");
        switch (type) {
            case "hello":
                return new Hello(id, f.smallNumbers("protocols"), f.textOr("netcr", "?"));
            case "snapshot":
                return new Snapshot(id, f.texts("netns"));
            case "checkpoint":
                return new Checkpoint(id, f.texts("netns"), f.flag("all", false), f.flag("skipUnsupported", false),
                        (int) f.number("maxAddresses", 1, Integer.MAX_VALUE));
            case "restore":
                return new Restore(id, f.number("size", 1, Protocol.MAX_PAYLOAD), f.flag("dryRun", false),
                        f.textMap("renames"), f.textOr("prefix", ""), f.flag("wait", false), f.flag("progress", false),
                        f.textOr("holder", ""));
            case "data":
                return Data.read(id, f);
            case "cancel":
                return new Cancel(id, f.number("target", 1, Protocol.MAX_ID));
            case "subscribe":
                return new Subscribe(id, f.has("netns") ? f.texts("netns") : List.of());
            case "status":
                return new Status(id);
            case "recover":
                return new Recover(id, f.flag("finish", false), f.flag("dryRun", false), f.textOr("holder", ""));
            case "bye":
                return new Bye(id);
            default:
                throw new ProtocolException(Errno.EBADRQC, id, "'" + JsonValues.shorten(type) + "' is not a request "
                        + "this agent knows (it knows " + String.join(", ", KNOWN) + ")");
        }
    }

    static final List<String> KNOWN = List.of("hello", "snapshot", "checkpoint", "restore", "data", "cancel",
            "subscribe", "status", "recover", "bye");

    static List<Long> longs(List<Integer> ints) {
        List<Long> out = new ArrayList<>();
        ints.forEach(i -> out.add((long) i));
        return out;
    }
}

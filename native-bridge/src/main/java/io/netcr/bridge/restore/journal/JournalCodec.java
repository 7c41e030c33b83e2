package io.netcr.bridge.restore.journal;

import static io.netcr.model.json.StrictFields.integer;
import static io.netcr.model.json.StrictFields.number;
import static io.netcr.model.json.StrictFields.object;
import static io.netcr.model.json.StrictFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.bridge.sys.Inode;
import io.netcr.model.plan.PlanStepJson;
import io.netcr.model.plan.RestorePlan;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Journal records as lines of JSON, one object each, told apart by {@code "t"}:
 * <pre>
 * {"t":"begin","format":"netcr-restore-journal","version":1,"pid":..,"process_started":..,"started":..,
 *  "boot_id":..,"restorer_netns":"DEV:INO","command":..,"plan":{"namespaces":{..},"steps":[..]}}
 * {"t":"announce","upto":K}
 * {"t":"netns","step":K,"name":..,"file":"DEV:INO","netns":"DEV:INO"}
 * {"t":"done","step":K}
 * {"t":"refused","step":K,"errno":E,"kernel":..}
 * {"t":"resume","pid":..,"process_started":..,"started":..,"command":..}
 * {"t":"end","outcome":"restored|rolled-back|recovered|finished","at":..,"diagnostics":[..]}
 * </pre>
 * A reader meets a type it does not know only in a journal of a newer netcr, and refuses it.
 */
public final class JournalCodec {

    public static final String FORMAT = "netcr-restore-journal";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JournalCodec() {
    }

    /** The record as one line of JSON, without the newline. */
    public static String line(JournalRecord r) {
        ObjectNode o = F.objectNode();
        if (r instanceof JournalRecord.Begin b) {
            o.put("t", "begin").put("format", FORMAT).put("version", VERSION).put("pid", b.pid())
                    .put("process_started", stamp(b.processStarted())).put("started", stamp(b.started()))
                    .put("boot_id", b.bootId()).put("restorer_netns", b.restorerNetns().toString())
                    .put("command", b.command());
            o.set("plan", PlanStepJson.planTree(b.plan()));
        } else if (r instanceof JournalRecord.Resume s) {
            o.put("t", "resume").put("pid", s.pid()).put("process_started", stamp(s.processStarted()))
                    .put("started", stamp(s.started())).put("command", s.command());
        } else if (r instanceof JournalRecord.Announce a) {
            o.put("t", "announce").put("upto", a.upTo());
        } else if (r instanceof JournalRecord.NetnsMade n) {
            o.put("t", "netns").put("step", n.step()).put("name", n.name()).put("file", n.file().toString())
                    .put("netns", n.netns().toString());
        } else if (r instanceof JournalRecord.Done d) {
            o.put("t", "done").put("step", d.step());
        } else if (r instanceof JournalRecord.Refused f) {
            o.put("t", "refused").put("step", f.step()).put("errno", f.errno()).put("kernel", f.kernelMessage());
        } else if (r instanceof JournalRecord.End e) {
            o.put("t", "end").put("outcome", e.outcome().word()).put("at", stamp(e.at()));
            ArrayNode d = o.putArray("diagnostics");
            e.diagnostics().forEach(d::add);
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }

    /** One line back into its record; IllegalArgumentException says what is wrong with it. */
    public static JournalRecord parse(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = text(o, "t");
        switch (type) {
            case "begin":
                if (!FORMAT.equals(o.path("format").asText()) || o.path("version").asInt() != VERSION) {
                    throw new IllegalArgumentException("format " + o.path("format").asText() + " version "
                            + o.path("version").asText() + "; this netcr reads " + FORMAT + " version " + VERSION);
                }
                return new JournalRecord.Begin(number(o, "pid"), instant(o, "process_started"), instant(o, "started"),
                        text(o, "boot_id"), inode(o, "restorer_netns"), text(o, "command"), plan(o));
            case "resume":
                return new JournalRecord.Resume(number(o, "pid"), instant(o, "process_started"), instant(o, "started"),
                        text(o, "command"));
            case "announce":
                return new JournalRecord.Announce(integer(o, "upto"));
            case "netns":
                return new JournalRecord.NetnsMade(integer(o, "step"), text(o, "name"), inode(o, "file"),
                        inode(o, "netns"));
            case "done":
                return new JournalRecord.Done(integer(o, "step"));
            case "refused":
                return new JournalRecord.Refused(integer(o, "step"), integer(o, "errno"),
                        o.path("kernel").isTextual() ? o.get("kernel").asText() : null);
            case "end":
                List<String> diagnostics = new ArrayList<>();
                o.path("diagnostics").forEach(d -> diagnostics.add(d.asText()));
                return new JournalRecord.End(JournalRecord.Outcome.ofWord(text(o, "outcome")), instant(o, "at"),
                        diagnostics);
            default:
                throw new IllegalArgumentException("unknown record type '" + type + "' (written by a newer netcr?)");
        }
    }

    private static RestorePlan plan(JsonNode o) {
        return PlanStepJson.plan(object(o, "plan"));
    }

    private static String stamp(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not a time: " + v.asText());
        }
    }

    private static Inode inode(JsonNode o, String field) {
        String t = text(o, field);
        int colon = t.indexOf(':');
        try {
            return new Inode(Long.parseLong(t.substring(0, colon)), Long.parseLong(t.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + field + "' is not DEV:INO: " + t);
        }
    }
}

package io.netcr.model.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a diff report, as {@code netcr diff --json} prints it:
 * <pre>
 * {"format": "netcr-diff", "version": 1, "left": "a.netcr", "right": "live", "equal": false,
 *  "summary": {"added": 1, "removed": 0, "changed": 2},
 *  "changes": [{"kind": "changed", "subject": "netns:red/dev:veth0", "field": "mtu", "old": "1500", "new": "1400"}]}
 * </pre>
 * Deterministic: the same report prints the same text.
 */
public final class DiffJson {

    public static final String FORMAT = "netcr-diff";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {
    }

    /** The report as indented JSON, ending with a newline; {@code left}/{@code right} name the sources (may be null). */
    public static String toJson(DiffReport report, String left, String right) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("left", left);
        root.put("right", right);
        root.put("equal", report.isEmpty());
        ObjectNode summary = root.putObject("summary");
        summary.put("added", report.count(ChangeKind.ADDED));
        summary.put("removed", report.count(ChangeKind.REMOVED));
        summary.put("changed", report.count(ChangeKind.CHANGED));
        ArrayNode changes = root.putArray("changes");
        for (Change c : report.changes()) {
            ObjectNode n = changes.addObject();
            n.put("kind", c.kind().word());
            n.put("subject", c.subject().toString());
            n.put("field", c.field());
            n.put("old", c.oldValue());
            n.put("new", c.newValue());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}

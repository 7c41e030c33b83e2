package io.netcr.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.app.services.RecoveryService;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.model.json.SnapshotJson;
import java.util.Locale;

/** {@code netcr recover --json}: what was found and done (format netcr-recover-result, version 1). */
final class RecoverResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecoverResultJson() {
    }

    static String toJson(RecoveryService.Recovered r, boolean finish, boolean dryRun, String lastOutcome) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", "netcr-recover-result");
        root.put("version", 1);
        root.put("action", finish ? "finish" : "undo");
        root.put("dry_run", dryRun);
        root.put("status", r.kind().name().toLowerCase(Locale.ROOT));
        root.put("success", r.success());
        if (r.leftover() != null) {
            JournalContent c = r.leftover().journal();
            ObjectNode l = root.putObject("leftover");
            l.put("pid", c.begin().pid());
            l.put("command", c.begin().command());
            l.put("started", c.begin().started().toString());
            l.put("steps", c.plan().steps().size());
            l.put("done", c.doneCount());
            l.put("announced", c.announced());
        }
        ArrayNode actions = root.putArray("actions");
        ArrayNode diagnostics = root.putArray("diagnostics");
        r.problems().forEach(d -> diagnostics.add(SnapshotJson.diagnosticTree(d)));
        if (r.result() != null) {
            r.result().actions().forEach(actions::add);
            r.result().diagnostics().forEach(d -> diagnostics.add(SnapshotJson.diagnosticTree(d)));
        }
        root.put("last_restore", lastOutcome);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}

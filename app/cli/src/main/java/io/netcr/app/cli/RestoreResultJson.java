package io.netcr.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.model.json.SnapshotJson;
import java.util.Map;

/** {@code netcr restore --json}: the result as JSON (format netcr-restore-result, version 1). */
final class RestoreResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RestoreResultJson() {
    }

    static String toJson(RestoreResult r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", "netcr-restore-result");
        root.put("version", 1);
        root.put("restored", r.success());
        root.put("steps_run", r.stepsRun());
        root.put("millis", Math.round(r.millis()));
        ObjectNode names = root.putObject("namespaces");
        r.namespaceNames().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        var diagnostics = root.putArray("diagnostics");
        r.diagnostics().forEach(d -> diagnostics.add(SnapshotJson.diagnosticTree(d)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}

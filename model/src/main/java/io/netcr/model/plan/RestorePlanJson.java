package io.netcr.model.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.model.json.SnapshotJson;
import java.util.Map;

/**
 * A restore plan as JSON, for {@code netcr restore --dry-run --json}: each step with its kind, where it
 * acts and its iproute2 equivalent; then the preflight's diagnostics; and whether it would run.
 */
public final class RestorePlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RestorePlanJson() {
    }

    public static String toJson(RestorePlan plan) {
        return toJson(PlanSummary.of(plan));
    }

    /** The same document for a plan's summary (a plan made on another machine arrives as one). */
    public static String toJson(PlanSummary plan) {
        ObjectNode root = F.objectNode();
        root.put("format", "netcr-restore-plan");
        root.put("version", 1);
        root.put("executable", plan.isExecutable());
        ObjectNode names = root.putObject("namespaces");
        plan.namespaceNames().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        ArrayNode steps = root.putArray("steps");
        int index = 1;
        for (PlanSummary.Step step : plan.steps()) {
            ObjectNode s = steps.addObject();
            s.put("index", index++);
            s.put("kind", step.kind());
            ArrayNode in = s.putArray("netns");
            step.netns().forEach(in::add);
            s.put("equivalent", step.equivalent());
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        plan.diagnostics().forEach(d -> diagnostics.add(SnapshotJson.diagnosticTree(d)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}

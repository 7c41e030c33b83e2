package io.netcr.app.protocol;

import io.netcr.model.Errno;
import io.netcr.model.plan.PlanSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A restore plan on the wire: its steps, new names and findings as {@link Items} lists {@code steps},
 * {@code names} and {@code findings}, closed by an {@link Events.Planned} with their counts.
 */
public final class PlanItems {

    private PlanItems() {
    }

    public static void send(long id, PlanSummary plan, Consumer<Message> out) {
        List<Map<String, Object>> steps = new ArrayList<>(plan.steps().size());
        for (PlanSummary.Step s : plan.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", s.kind());
            m.put("netns", s.netns());
            m.put("equivalent", s.equivalent());
            steps.add(m);
        }
        List<Map<String, Object>> names = new ArrayList<>();
        new TreeMap<>(plan.namespaceNames()).forEach((from, to) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", from);
            m.put("name", to);
            names.add(m);
        });
        Items.send(id, "steps", steps, out);
        Items.send(id, "names", names, out);
        Items.send(id, "findings", DiagnosticJson.toMaps(plan.diagnostics()), out);
        out.accept(new Events.Planned(id, Map.of("steps", (long) steps.size(), "names", (long) names.size(),
                "findings", (long) plan.diagnostics().size())));
    }

    /** The plan from the lists received before {@code planned}; refuses lists of other sizes than it says. */
    public static PlanSummary read(Events.Planned planned, ItemLists lists) throws ProtocolException {
        List<PlanSummary.Step> steps = new ArrayList<>();
        for (Fields f : lists.take("steps", planned.counts(), "a plan step")) {
            steps.add(new PlanSummary.Step(f.text("kind", 64), f.textsOrNulls("netns"), f.text("equivalent", 65536)));
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Fields f : lists.take("names", planned.counts(), "a new namespace name")) {
            if (names.put(f.text("id"), f.text("name")) != null) {
                throw new ProtocolException(Errno.EBADMSG, planned.id(), "the plan names one namespace twice");
            }
        }
        return new PlanSummary(steps, names, DiagnosticJson.readAll(lists.take("findings", planned.counts(),
                "a finding")));
    }
}

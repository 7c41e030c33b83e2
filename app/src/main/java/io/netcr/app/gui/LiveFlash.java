package io.netcr.app.gui;

import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What a followed host's last updates changed, marked on the graph for a moment (issue 14 §3 "what changed flashes
 * briefly"). The deltas name the objects: a device (added or changed) marks its card, an address its device's card,
 * a namespace, route or rule its box, and something removed marks what held it as changed.
 *
 * <p>Time comes from {@code clock} (nanoseconds), so tests move it by hand; {@link #expire()} drops the marks whose
 * time is up. The graph view calls it when {@link #nextExpiry()} comes (an FX transition, nothing while no mark is
 * up: an idle window does no work). FX thread only.
 */
public final class LiveFlash {

    /** How long a change stays marked. */
    public static final long FLASH_NANOS = 1_500_000_000L;

    private record Mark(ChangeKind kind, long until) {
    }

    private final LongSupplier clock;
    private final Map<SubjectPath, Mark> marks = new HashMap<>();
    private final ReadOnlyObjectWrapper<Map<SubjectPath, ChangeKind>> shown =
            new ReadOnlyObjectWrapper<>(this, "marked", Map.of());

    public LiveFlash(LongSupplier clock) {
        this.clock = clock;
    }

    /** Marks what {@code deltas} name, from now for {@link #FLASH_NANOS}. */
    public void flash(List<Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        long until = clock.getAsLong() + FLASH_NANOS;
        for (Delta d : deltas) {
            SubjectPath box = SubjectPath.of(SubjectPath.NETNS, d.kind() == Delta.Kind.NAMESPACE ? d.name() : d.netns());
            switch (d.kind()) {
                case NAMESPACE -> {
                    if (d.action() != ChangeKind.REMOVED) {
                        marks.put(box, new Mark(d.action(), until));
                    }
                }
                case DEVICE -> {
                    if (d.action() == ChangeKind.REMOVED) {
                        marks.put(box, new Mark(ChangeKind.CHANGED, until));
                    } else {
                        marks.put(box.child(SubjectPath.DEV, d.name()), new Mark(d.action(), until));
                    }
                }
                case ADDRESS -> marks.put(d.device() == null ? box : box.child(SubjectPath.DEV, d.device()),
                        new Mark(ChangeKind.CHANGED, until));
                case ROUTE, RULE -> marks.put(box, new Mark(ChangeKind.CHANGED, until));
            }
        }
        publish();
    }

    /** Drops the marks whose time is up; true when some are left. */
    public boolean expire() {
        long now = clock.getAsLong();
        if (marks.values().removeIf(m -> m.until() - now <= 0)) {
            publish();
        }
        return !marks.isEmpty();
    }

    /** Nanoseconds until the next mark's time is up, from now; empty when none is up. */
    public OptionalLong nextExpiry() {
        long now = clock.getAsLong();
        return marks.values().stream().mapToLong(m -> Math.max(0, m.until() - now)).min();
    }

    /** Drops every mark (another document is shown). */
    public void clear() {
        if (!marks.isEmpty()) {
            marks.clear();
            publish();
        }
    }

    /** The objects marked now, and how (added or changed): the graph paints them as a comparison's changes. */
    public ReadOnlyObjectProperty<Map<SubjectPath, ChangeKind>> markedProperty() {
        return shown.getReadOnlyProperty();
    }

    private void publish() {
        Map<SubjectPath, ChangeKind> now = new HashMap<>();
        marks.forEach((p, m) -> now.put(p, m.kind()));
        shown.set(Map.copyOf(now));
    }
}

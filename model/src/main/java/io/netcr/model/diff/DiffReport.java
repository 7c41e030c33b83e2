package io.netcr.model.diff;

import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.Optional;

/**
 * The differences between two snapshots, in a deterministic order: namespaces in the left snapshot's
 * order (then those only on the right, in its order); within one, the namespace's own fields, then
 * devices by name (each followed by its addresses), then routes.
 *
 * @param changes every difference; empty when the snapshots are equal under the options used
 */
public record DiffReport(List<Change> changes) {

    public DiffReport {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** The changes of this object and of everything below it (a device's addresses, a namespace's devices). */
    public List<Change> changesAt(SubjectPath subject) {
        return changes.stream().filter(c -> c.subject().startsWith(subject)).toList();
    }

    /**
     * How an object is to be shown: ADDED or REMOVED when it (or an owner of it: the device of an address)
     * is only on one side, CHANGED when it or anything below it differs, empty when it is the same. This
     * is what the workbench colours.
     */
    public Optional<ChangeKind> statusOf(SubjectPath subject) {
        ChangeKind status = null;
        for (Change c : changes) {
            if (c.isObjectChange() && subject.startsWith(c.subject())) {
                return Optional.of(c.kind());
            }
            if (c.subject().startsWith(subject)) {
                status = ChangeKind.CHANGED;
            }
        }
        return Optional.ofNullable(status);
    }

    /** "3 changes: 1 added, 1 removed, 1 changed", or "no differences". */
    public String summary() {
        if (isEmpty()) {
            return "no differences";
        }
        return size() + (size() == 1 ? " change: " : " changes: ") + count(ChangeKind.ADDED) + " added, "
                + count(ChangeKind.REMOVED) + " removed, " + count(ChangeKind.CHANGED) + " changed";
    }
}

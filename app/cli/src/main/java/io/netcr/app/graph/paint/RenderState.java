package io.netcr.app.graph.paint;

import io.netcr.model.Diagnostic;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the drawing shows beyond the layout: selection, highlights, search matches, diagnostics badges,
 * and the zoom (small zooms leave out text nobody can read, which also keeps big graphs fast).
 *
 * @param selected    the drawn object selected (a node or a box), or null
 * @param highlighted drawn objects to highlight with it (a veth's peer)
 * @param matches     drawn objects that match the search
 * @param badges      diagnostics by the drawn object they sit on
 * @param scale       screen pixels per world unit
 * @param changes     how drawn objects differ from a compared source (added, changed); empty when not comparing
 */
public record RenderState(SubjectPath selected, Set<SubjectPath> highlighted, Set<SubjectPath> matches,
                          Map<SubjectPath, List<Diagnostic>> badges, double scale,
                          Map<SubjectPath, ChangeKind> changes) {

    public RenderState {
        highlighted = Set.copyOf(highlighted);
        matches = Set.copyOf(matches);
        badges = Map.copyOf(badges);
        changes = Map.copyOf(changes);
    }

    public RenderState(SubjectPath selected, Set<SubjectPath> highlighted, Set<SubjectPath> matches,
                       Map<SubjectPath, List<Diagnostic>> badges, double scale) {
        this(selected, highlighted, matches, badges, scale, Map.of());
    }

    /** The same state with nothing selected, highlighted or matched: what a picture holds before its marks. */
    public RenderState withoutMarks() {
        return new RenderState(null, Set.of(), Set.of(), badges, scale, changes);
    }

    /** The same state drawn at another zoom. */
    public RenderState atScale(double otherScale) {
        return new RenderState(selected, highlighted, matches, badges, otherScale, changes);
    }

    /** True when {@code o} selects, highlights and matches the same objects as this state. */
    public boolean sameMarks(RenderState o) {
        return Objects.equals(selected, o.selected) && highlighted.equals(o.highlighted)
                && matches.equals(o.matches);
    }

    /** Nothing selected: what exports draw. */
    public static RenderState plain(Map<SubjectPath, List<Diagnostic>> badges) {
        return new RenderState(null, Set.of(), Set.of(), badges, 1);
    }
}

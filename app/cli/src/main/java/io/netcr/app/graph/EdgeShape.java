package io.netcr.app.graph;

import io.netcr.model.SubjectPath;
import java.util.List;

/** A laid-out edge: a polyline from one node's border to another's, in world coordinates. */
public record EdgeShape(SubjectPath from, SubjectPath to, EdgeKind kind, List<Point> points) {

    public EdgeShape {
        points = List.copyOf(points);
    }

    public boolean touches(SubjectPath node) {
        return from.equals(node) || to.equals(node);
    }

    public Rect bounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return points.isEmpty() ? Rect.EMPTY : new Rect(minX, minY, maxX - minX, maxY - minY);
    }
}

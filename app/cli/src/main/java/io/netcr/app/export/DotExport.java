package io.netcr.app.export;

import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.EdgeKind;
import io.netcr.app.graph.EdgeShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.NodeShape;
import io.netcr.app.graph.NodeText;
import io.netcr.app.graph.paint.Palette;
import io.netcr.model.Diagnostic;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The graph as Graphviz DOT: one {@code subgraph cluster_N} per namespace, one undirected edge per link
 * (a veth pair is one edge). Graphviz does its own layout; the structure is what is exported.
 */
public final class DotExport {

    private DotExport() {
    }

    public static String dot(GraphDrawing g, Map<SubjectPath, List<Diagnostic>> badges) {
        StringBuilder sb = new StringBuilder("graph netcr {\n");
        sb.append("  graph [rankdir=LR, fontname=\"DejaVu Sans\", compound=true];\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"DejaVu Sans\","
                + " fontsize=10];\n");
        int i = 0;
        for (BoxShape b : g.boxes()) {
            sb.append("  subgraph cluster_").append(i++).append(" {\n");
            sb.append("    label=").append(quote(b.label() + (b.init() ? " (init)" : ""))).append(";\n");
            sb.append("    style=\"rounded,filled\"; fillcolor=\"")
                    .append(Palette.hex(b.init() ? Palette.INIT_FILL : Palette.BOX_FILL)).append("\";\n");
            for (NodeShape n : g.nodes()) {
                if (b.id().equals(n.box())) {
                    sb.append("    ").append(node(n, badges.get(n.id()), g.showDetails())).append('\n');
                }
            }
            sb.append("  }\n");
        }
        for (NodeShape n : g.nodes()) {
            if (n.external()) {
                sb.append("  ").append(node(n, null, false)).append('\n');
            }
        }
        for (EdgeShape e : g.edges()) {
            sb.append("  ").append(quote(e.from().toString())).append(" -- ").append(quote(e.to().toString()));
            if (e.kind() == EdgeKind.PARENT) {
                sb.append(" [style=dashed, label=\"parent\"]");
            } else if (e.kind() == EdgeKind.BRIDGE_PORT) {
                sb.append(" [label=\"port\"]");
            }
            sb.append(";\n");
        }
        return sb.append("}\n").toString();
    }

    private static String node(NodeShape n, List<Diagnostic> diagnostics, boolean details) {
        StringBuilder label = new StringBuilder(n.label());
        if (n.external()) {
            label.append("\n").append(NodeText.externalCaption());
        } else {
            NodeText.addressLines(n.device()).forEach(l -> label.append("\n").append(l));
            if (details) {
                label.append("\n").append(NodeText.detailLine(n.device()));
            }
        }
        StringBuilder attrs = new StringBuilder("label=").append(quote(label.toString()));
        attrs.append(", color=\"").append(Palette.hex(n.external() ? Palette.NODE_STROKE
                : Palette.state(n.state()))).append('"');
        if (n.external()) {
            attrs.append(", style=\"rounded,dashed\"");
        }
        if (diagnostics != null && !diagnostics.isEmpty()) {
            attrs.append(", penwidth=2, tooltip=").append(quote(diagnostics.stream()
                    .map(Diagnostic::toString).collect(Collectors.joining("\n"))));
        }
        return quote(n.id().toString()) + " [" + attrs + "];";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}

package io.netcr.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.graph.GraphDrawing;
import io.netcr.model.json.SnapshotJson;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ExportTest {

    @TempDir
    Path tmp;

    private final Snapshot demo = Fixtures.demo();
    private final GraphDrawing drawing = Exports.layout(demo, false);

    private Path export(ExportFormat f) throws Exception {
        Path file = tmp.resolve("demo." + f.extension());
        Exports.write(f, demo, drawing, file);
        return file;
    }

    @Test
    void should_export_dot_with_one_cluster_per_namespace_and_one_edge_per_link() throws Exception {
        String dot = Files.readString(export(ExportFormat.DOT));
        assertTrue(dot.startsWith("graph netcr {"));
        for (int i = 0; i < demo.namespaces().size(); i++) {
            assertTrue(dot.contains("subgraph cluster_" + i + " {"), "cluster " + i);
        }
        assertEquals(drawing.edges().size(), dot.split(" -- ", -1).length - 1);
        assertTrue(dot.contains("\"netns:host/dev:vh-web\" -- \"netns:web/dev:eth0\""));
        assertTrue(dot.contains("label=\"host (init)\""));
    }

    @Test
    void should_export_svg_that_parses_and_names_every_device() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(export(ExportFormat.SVG).toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList texts = doc.getElementsByTagName("text");
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < texts.getLength(); i++) {
            shown.add(texts.item(i).getTextContent());
        }
        for (Namespace ns : demo.namespaces()) {
            assertTrue(shown.contains(ns.label()), ns.label());
            for (Device d : ns.devices()) {
                assertTrue(shown.contains(d.name()), d.name());
            }
        }
    }

    @Test
    void should_export_png_that_decodes_at_the_drawing_size() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(export(ExportFormat.PNG))));
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
        assertEquals(Math.ceil(drawing.bounds().w() * 1.5), img.getWidth(), 1.0);
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        ImageIO.write(img, "png", shots.resolve("export-demo.png").toFile());
    }

    @Test
    void should_export_json_that_reads_back_as_the_same_snapshot() throws Exception {
        String json = Files.readString(export(ExportFormat.JSON), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\" : \"netcr-snapshot\""));
        assertEquals(demo, SnapshotJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), io.netcr.model.ReadMode.STRICT, null).snapshot());
    }
}

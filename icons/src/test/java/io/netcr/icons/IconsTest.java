package io.netcr.icons;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IconsTest {

    @Test
    void should_decode_every_declared_icon_at_its_size() {
        List<Executable> checks = new ArrayList<>();
        for (String name : Icons.names()) {
            for (int size : Icons.sizes(name)) {
                checks.add(() -> assertDecodesAt(Icons.url(name, size), size));
                if (Icons.hasHiDpiVariants(name)) {
                    checks.add(() -> assertDecodesAt(Icons.url2x(name, size), size * 2));
                }
            }
        }
        assertAll(checks.stream());
    }

    @Test
    void should_ship_the_svg_source_of_every_icon() {
        for (String name : Icons.names()) {
            String svg = "io/netcr/icons/" + name + ".svg";
            assertNotNull(getClass().getClassLoader().getResource(svg), svg);
        }
        assertNotNull(getClass().getClassLoader().getResource("io/netcr/icons/app/netcr-small.svg"));
    }

    @Test
    void should_declare_an_icon_for_each_device_kind_namespace_and_severity() {
        Stream.of(Icons.KIND_LOOPBACK, Icons.KIND_VETH, Icons.KIND_BRIDGE, Icons.KIND_OTHER, Icons.NAMESPACE,
                Icons.INIT_NAMESPACE, Icons.SEVERITY_ERROR, Icons.SEVERITY_WARNING, Icons.SEVERITY_INFO)
                .forEach(name -> assertEquals(Icons.WORKBENCH_SIZES, Icons.sizes(name), name));
        assertEquals(List.of(16, 24, 32, 48, 64, 128, 256, 512), Icons.sizes(Icons.APP));
    }

    @Test
    void should_say_what_exists_when_asked_for_an_unknown_icon_or_size() {
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class, () -> Icons.url("kind/tun", 16));
        assertTrue(noName.getMessage().contains("kind/veth"), noName.getMessage());
        IllegalArgumentException noSize = assertThrows(IllegalArgumentException.class, () -> Icons.url(Icons.KIND_VETH, 24));
        assertTrue(noSize.getMessage().contains("[16, 32]"), noSize.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Icons.url2x(Icons.APP, 16));
    }

    private static void assertDecodesAt(URL url, int size) throws IOException {
        BufferedImage image = ImageIO.read(url);
        assertNotNull(image, url + " does not decode as an image");
        assertEquals(size, image.getWidth(), url + " width");
        assertEquals(size, image.getHeight(), url + " height");
        assertTrue(image.getColorModel().hasAlpha(), url + " has no alpha channel");
    }
}

package io.netcr.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.LinkConfig;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.RestorePlanner;
import io.netcr.model.plan.Topologies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An image written by netcr before devices had settings (commit d59f8c2, kept in the test resources as it was
 * written: a real checkpoint of two namespaces, a veth pair with IPv6, a bridge with a port) still opens, and
 * plans a restore that makes its link-local addresses the image's.
 */
public class OlderImageTest {

    /** The image's bytes; the kernel tests restore it too. */
    public static byte[] d59f8c2() {
        try (InputStream in = OlderImageTest.class.getResourceAsStream("/io/netcr/model/image/netcr-0.1.0-d59f8c2.netcr")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void should_open_an_image_of_the_format_as_it_was_strictly() {
        ReadResult r = ImageReader.read(d59f8c2(), ReadMode.STRICT, "netcr-0.1.0-d59f8c2.netcr");
        assertEquals(List.of(), r.diagnostics());
        Snapshot s = r.snapshot();
        assertNotNull(s);
        assertEquals(List.of("nctfixa"), s.namespaces().get(1).names());
        assertTrue(s.namespaces().stream().flatMap(n -> n.devices().stream()).map(Device::config)
                .allMatch(LinkConfig.NONE::equals), "no device of it has settings");
        assertEquals(s, ImageReader.read(ImageWriter.toBytes(s), ReadMode.STRICT, "netcr-0.1.0-d59f8c2.netcr").snapshot(),
                "written again by this netcr, it reads the same");
    }

    @Test
    void should_plan_its_link_locals_with_the_kernels_default_mode() {
        Snapshot s = ImageReader.read(d59f8c2(), ReadMode.STRICT, "old").snapshot();
        RestorePlan plan = RestorePlanner.plan(s, Topologies.emptyHost(), new RestoreOptions(java.util.Map.of(), "x"));
        assertTrue(plan.isExecutable(), plan.diagnostics().toString());
        List<String> steps = plan.steps().stream().map(PlanStep::describe).toList();
        assertTrue(steps.contains("ip -n xnctfixa link set va addrgenmode none"), steps.toString());
        assertTrue(steps.contains("ip -n xnctfixa -6 addr add fe80::aff:fefa:4d01/64 dev va scope link nodad"),
                steps.toString());
        assertTrue(steps.contains("ip -n xnctfixa link set va up addrgenmode eui64"), steps.toString());
        assertTrue(steps.contains("ip -n xnctfixb link set br0 up addrgenmode eui64"), steps.toString());
    }
}

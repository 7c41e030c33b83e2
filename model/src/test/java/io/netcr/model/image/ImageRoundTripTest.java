package io.netcr.model.image;

import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageRoundTripTest {

    private static final String ORIGIN = "test.netcr";

    @Test
    void should_read_back_an_equal_snapshot_and_write_identical_bytes_for_generated_snapshots() {
        for (long s = 0; s < 400; s++) {
            long seed = s;
            Snapshot original = SnapshotGenerator.generate(seed, ORIGIN);
            byte[] bytes = ImageWriter.toBytes(original);
            for (ReadMode mode : ReadMode.values()) {
                ReadResult r = ImageReader.read(bytes, mode, ORIGIN);
                assertTrue(r.diagnostics().isEmpty(), () -> "seed " + seed + ": " + r.diagnostics());
                assertEquals(original, r.snapshot(), "seed " + seed + " " + mode);
            }
            assertArrayEquals(bytes, ImageWriter.toBytes(ImageReader.read(bytes, ReadMode.STRICT, ORIGIN).snapshot()),
                    "seed " + seed);
        }
    }

    @Test
    void generator_should_cover_every_kind_of_object_the_format_carries() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (long seed = 0; seed < 400; seed++) {
            Snapshot s = SnapshotGenerator.generate(seed, ORIGIN);
            s.initNamespace().ifPresent(ns -> seen.add("init"));
            if (!s.diagnostics().isEmpty()) {
                seen.add("diagnostic");
            }
            s.namespaces().forEach(ns -> ns.devices().forEach(d -> {
                if (d.peer() != null) {
                    seen.add(!d.peer().isResolved() ? "unresolved peer"
                            : s.namespace(d.peer().namespace()).isEmpty() ? "external peer"
                            : d.peer().namespace().equals(ns.id()) ? "same-namespace peer" : "cross-namespace peer");
                }
                if (d.master() != null) {
                    seen.add("bridge port");
                }
                if (d.parent() != null) {
                    seen.add("parent");
                }
                if (d.addresses().stream().anyMatch(a -> a.isInet6() && !a.flags().isEmpty())) {
                    seen.add("inet6 with flags");
                }
            }));
            if (s.namespaces().stream().anyMatch(ns -> !ns.routes().isEmpty())) {
                seen.add("routes");
            }
        }
        assertEquals(java.util.Set.of("init", "diagnostic", "unresolved peer", "external peer", "same-namespace peer",
                "cross-namespace peer", "bridge port", "parent", "inet6 with flags", "routes"), seen);
    }

    @Test
    void should_write_identical_bytes_for_equal_snapshots_built_separately() {
        assertArrayEquals(ImageWriter.toBytes(SampleSnapshot.build("a")), ImageWriter.toBytes(SampleSnapshot.build("b")),
                "the origin is not part of the image, and nothing else differs");
    }

    @Test
    void should_read_back_the_sample_with_its_recorded_diagnostic() {
        Snapshot sample = SampleSnapshot.build(ORIGIN);
        ReadResult r = ImageReader.read(ImageWriter.toBytes(sample), ReadMode.STRICT, ORIGIN);
        assertNotNull(r.snapshot(), () -> r.diagnostics().toString());
        assertEquals(sample, r.snapshot());
        assertEquals(1, r.snapshot().diagnostics().size());
        assertFalse(r.hasErrors());
    }

    @Test
    void should_recognise_its_own_magic_and_nothing_else() {
        byte[] bytes = ImageWriter.toBytes(SampleSnapshot.build(ORIGIN));
        assertTrue(ImageReader.looksLikeImage(bytes));
        assertTrue(ImageReader.looksLikeImage(java.util.Arrays.copyOf(bytes, 8)));
        assertFalse(ImageReader.looksLikeImage(java.util.Arrays.copyOf(bytes, 7)));
        assertFalse(ImageReader.looksLikeImage("{\"namespaces\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(ImageReader.looksLikeImage(null));
    }
}

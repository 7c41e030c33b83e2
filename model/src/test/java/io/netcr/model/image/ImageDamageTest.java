package io.netcr.model.image;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every truncation and every single-byte change of a realistic image, in both modes: the reader answers
 * with a snapshot or diagnostics, never an exception and never a hang; strict mode refuses each change.
 */
class ImageDamageTest {

    private static final String ORIGIN = "sample.netcr";
    private static final Snapshot SAMPLE = SampleSnapshot.build(ORIGIN);
    private static final byte[] IMAGE = ImageWriter.toBytes(SAMPLE);

    @Test
    void should_refuse_every_truncation_in_strict_mode_and_salvage_what_precedes_it() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int len = 0; len < IMAGE.length; len++) {
                byte[] cut = Arrays.copyOf(IMAGE, len);
                ReadResult strict = read(cut, ReadMode.STRICT, "truncated to " + len);
                assertNull(strict.snapshot(), "truncated to " + len);
                assertTrue(strict.hasErrors(), "truncated to " + len);
                ReadResult salvage = read(cut, ReadMode.SALVAGE, "truncated to " + len);
                assertTrue(salvage.hasErrors(), "truncated to " + len);
                if (len >= ImageFormat.HEADER_SIZE) {
                    assertNotNull(salvage.snapshot(), "salvage keeps what precedes the cut at " + len);
                    assertTrue(salvage.snapshot().diagnostics().containsAll(salvage.diagnostics()));
                }
            }
        });
    }

    @Test
    void should_refuse_every_inverted_byte_in_strict_mode() {
        everyChange(i -> {
            byte[] b = IMAGE.clone();
            b[i] ^= (byte) 0xFF;
            return b;
        });
    }

    @Test
    void should_refuse_every_incremented_byte_in_strict_mode() {
        everyChange(i -> {
            byte[] b = IMAGE.clone();
            b[i]++;
            return b;
        });
    }

    @Test
    void should_show_the_content_with_a_warning_when_only_the_crc_is_wrong_in_salvage_mode() {
        byte[] b = IMAGE.clone();
        b[b.length - 1] ^= 1;
        ReadResult salvage = ImageReader.read(b, ReadMode.SALVAGE, ORIGIN);
        assertFalse(salvage.hasErrors(), salvage.diagnostics()::toString);
        assertEquals(1, salvage.diagnostics().size());
        assertEquals(Errno.EBADMSG, salvage.diagnostics().get(0).code());
        assertEquals(SAMPLE.namespaces(), salvage.snapshot().namespaces());
        ReadResult strict = ImageReader.read(b, ReadMode.STRICT, ORIGIN);
        assertNull(strict.snapshot());
        assertEquals(Errno.EBADMSG, strict.diagnostics().get(0).code());
    }

    @Test
    void should_accept_a_changed_byte_behind_a_recomputed_crc_only_when_the_result_is_valid_and_writable() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int crcAt = IMAGE.length - 4;
            for (int i = ImageFormat.HEADER_SIZE; i < crcAt; i++) {
                for (int delta : new int[] {0xFF, 1, 0x80}) {
                    byte[] b = IMAGE.clone();
                    b[i] ^= (byte) delta;
                    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                    crc.update(b, 0, crcAt);
                    long v = crc.getValue();
                    b[crcAt] = (byte) (v >>> 24);
                    b[crcAt + 1] = (byte) (v >>> 16);
                    b[crcAt + 2] = (byte) (v >>> 8);
                    b[crcAt + 3] = (byte) v;
                    String what = "byte " + i + " ^ " + delta;
                    ReadResult strict = read(b, ReadMode.STRICT, what);
                    read(b, ReadMode.SALVAGE, what);
                    if (strict.snapshot() != null) {
                        // What strict mode accepts is valid, and survives another round trip unchanged.
                        assertFalse(strict.hasErrors(), what);
                        Snapshot again = ImageReader.read(ImageWriter.toBytes(strict.snapshot()), ReadMode.STRICT,
                                ORIGIN).snapshot();
                        assertEquals(strict.snapshot(), again, what);
                    }
                }
            }
        });
    }

    @Test
    void should_answer_random_records_behind_a_valid_frame_with_diagnostics() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            java.util.Random rnd = new java.util.Random(42);
            for (int round = 0; round < 3000; round++) {
                RawImage raw = RawImage.create();
                int records = rnd.nextInt(8);
                for (int r = 0; r < records; r++) {
                    byte[] body = new byte[rnd.nextInt(64)];
                    rnd.nextBytes(body);
                    if (body.length >= 4 && rnd.nextBoolean()) {
                        body[0] = body[1] = body[2] = 0; // small objrefs and counts, so references sometimes hit
                    }
                    raw.record(1 + rnd.nextInt(7), rnd.nextInt(2), body);
                }
                byte[] img = raw.bytes();
                for (ReadMode mode : ReadMode.values()) {
                    ReadResult r = read(img, mode, "round " + round);
                    if (r.snapshot() != null && mode == ReadMode.STRICT) {
                        assertFalse(r.hasErrors(), "round " + round);
                    }
                }
            }
        });
    }

    private void everyChange(IntFunction<byte[]> change) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int salvaged = 0;
            for (int i = 0; i < IMAGE.length; i++) {
                byte[] changed = change.apply(i);
                ReadResult strict = read(changed, ReadMode.STRICT, "byte " + i);
                assertTrue(strict.hasErrors(), "byte " + i + " changed without an error");
                assertNull(strict.snapshot(), "byte " + i);
                ReadResult salvage = read(changed, ReadMode.SALVAGE, "byte " + i);
                assertFalse(salvage.diagnostics().isEmpty(), "byte " + i + " changed without a diagnostic");
                salvaged += salvage.snapshot() == null ? 0 : 1;
            }
            // Only the header (magic, version) makes an image unreadable as a whole.
            assertTrue(salvaged >= IMAGE.length - ImageFormat.HEADER_SIZE, "salvaged " + salvaged);
        });
    }

    /** Reads, and fails the test on an exception or on the reader's last-resort catch-all. */
    private static ReadResult read(byte[] bytes, ReadMode mode, String what) {
        ReadResult r;
        try {
            r = ImageReader.read(bytes, mode, ORIGIN);
        } catch (RuntimeException e) {
            throw new AssertionError(what + " " + mode + ": the reader threw", e);
        }
        for (Diagnostic d : r.diagnostics()) {
            if (d.message().startsWith("internal error")) {
                fail(what + " " + mode + ": reached the catch-all: " + d);
            }
        }
        return r;
    }
}

package io.netcr.bridge.criu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.fuzz.ReaderContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counts a CRIU dump declares by its file names alone (issue 16, "bad input, named"): more namespaces than a
 * dump can hold are refused from the names, before one image is read.
 */
class BadInputInCriuTest {

    @Test
    void should_refuse_100000_namespaces_before_reading_one() {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            files.put("netdev-" + i + ".img", new byte[0]);
        }
        CriuFiles dump = new CriuFiles("many", files);
        // Bounded as if the dump were empty: the names past the limit cost nothing.
        ReadResult r = ReaderContract.check(0, () -> CriuDumpReader.read(dump, ReadMode.SALVAGE));
        assertNull(r.snapshot(), "refused even in salvage mode");
        assertEquals(1, r.diagnostics().size(), "not one 'truncated' per namespace: they are never read");
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Errno.E2BIG, d.code());
        assertTrue(d.message().contains("more than " + CriuDumpReader.MAX_NAMESPACES + " network namespaces"),
                d.message());
    }

    @Test
    void should_read_as_many_namespaces_as_the_limit() {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < CriuDumpReader.MAX_NAMESPACES; i++) {
            files.put("netdev-" + i + ".img", new byte[0]);
        }
        ReadResult r = CriuDumpReader.read(new CriuFiles("many", files), ReadMode.SALVAGE);
        assertEquals(CriuDumpReader.MAX_NAMESPACES, r.snapshot().namespaces().size());
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code() == Errno.E2BIG), () -> List.copyOf(
                r.diagnostics().subList(0, 3)).toString());
    }
}

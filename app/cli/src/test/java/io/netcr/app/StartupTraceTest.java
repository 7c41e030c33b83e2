package io.netcr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartupTraceTest {

    @Test
    void should_measure_from_a_bash_epochrealtime_with_either_decimal_point() {
        Instant now = Instant.ofEpochSecond(1_733_352_001, 250_500_000);
        assertEquals(1250.5, StartupTrace.millisSince("1733352000.000000", now), 1e-9);
        assertEquals(1000.5, StartupTrace.millisSince("1733352000,250000", now), 1e-9);
        assertEquals(1250.5, StartupTrace.millisSince("1733352000", now), 1e-9);
    }

    @Test
    void should_print_one_line_a_script_can_parse() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StartupTrace.report(new PrintStream(bytes, true, StandardCharsets.UTF_8), "main", 41.26);
        assertEquals("netcr: trace main 41.3" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}

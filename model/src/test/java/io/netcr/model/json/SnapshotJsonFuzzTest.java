package io.netcr.model.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netcr.model.ReadMode;
import io.netcr.model.fuzz.ReaderContract;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the JSON snapshot reader, in both modes ({@link ReaderContract}). Seeds and past
 * findings: {@code src/test/resources/io/netcr/model/json/SnapshotJsonFuzzTestInputs/readJson}.
 */
class SnapshotJsonFuzzTest {

    static {
        SnapshotJson.read("{\"namespaces\":[{\"id\":\"a\",\"devices\":[{\"name\":\"lo\"}]}]}"
                .getBytes(StandardCharsets.UTF_8), ReadMode.SALVAGE, "warm-up");
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readJson(byte[] input) {
        ReaderContract.check(input.length, () -> SnapshotJson.read(input, ReadMode.STRICT, "fuzz.json"));
        ReaderContract.check(input.length, () -> SnapshotJson.read(input, ReadMode.SALVAGE, "fuzz.json"));
    }
}

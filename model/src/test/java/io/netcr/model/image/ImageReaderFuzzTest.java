package io.netcr.model.image;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netcr.model.ReadMode;
import io.netcr.model.fuzz.ReaderContract;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the .netcr image reader, in both modes: any bytes give a result or a refusal,
 * within bounded time and memory ({@link ReaderContract}). In {@code mvn verify} it replays the seeds and
 * past findings in {@code src/test/resources/io/netcr/model/image/ImageReaderFuzzTestInputs/readImage};
 * {@code bench/fuzz} fuzzes it for real.
 */
class ImageReaderFuzzTest {

    static {
        // Class loading and first-use caches are no input's fault: pay for them before anything is measured.
        ImageReader.read(ImageWriter.toBytes(SampleSnapshot.build("warm-up")), ReadMode.SALVAGE, "warm-up");
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readImage(byte[] input) {
        ReaderContract.check(input.length, () -> ImageReader.read(input, ReadMode.STRICT, "fuzz.netcr"));
        ReaderContract.check(input.length, () -> ImageReader.read(input, ReadMode.SALVAGE, "fuzz.netcr"));
    }
}

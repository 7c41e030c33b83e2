package io.netcr.bridge.criu;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netcr.model.ReadMode;
import io.netcr.model.fuzz.ReaderContract;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of checkpoint archives: tar, tar.gz, tar.bz2 and tar.zst, read from memory as
 * from a file. The seeds are the real dump's network images in each form. Contract: {@link ReaderContract}
 * (with the tar reader's bounds: entries, entry sizes, bytes streamed). Seeds and past findings:
 * {@code src/test/resources/io/netcr/bridge/criu/CriuArchiveFuzzTestInputs/readArchive}.
 */
class CriuArchiveFuzzTest {

    static {
        CriuArchive.read(new byte[512], "warm-up", ReadMode.SALVAGE);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readArchive(byte[] input) {
        // One mode: the modes differ only once the images are out of the archive, which CriuImagesFuzzTest covers.
        ReaderContract.check(input.length, () -> CriuArchive.read(input, "fuzz.tar", ReadMode.SALVAGE));
    }
}

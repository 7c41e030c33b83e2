package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the kernel tests through ssh share: root, and one {@link TestSshd} for the class, stopped after it. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
abstract class SshdTest {

    @TempDir
    static Path dir;

    static TestSshd sshd;

    @BeforeAll
    static void startSshd() throws Exception {
        assumeTrue(KernelTopology.root(), "kernel tests need root");
        sshd = TestSshd.start(dir);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
            sshd = null;
        }
    }
}

package io.netcr.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fuzz tests' contract can fail: each broken promise it is meant to catch, it catches. */
class ReaderContractTest {

    private static final ReadResult REFUSED = ReadResult.failed(List.of(
            Diagnostic.error(Errno.EBADMSG, SubjectPath.of(SubjectPath.FILE, "x"), Phase.READ, "not an image")));

    @Test
    void should_accept_a_refusal_that_says_why() {
        ReaderContract.check(10, () -> REFUSED);
    }

    @Test
    void should_catch_a_read_that_allocates_what_a_length_declares() {
        assertThrows(AssertionFailedError.class, () -> ReaderContract.check(10, () -> {
            byte[] believed = new byte[64 << 20];
            return believed.length > 0 ? REFUSED : null;
        }));
    }

    @Test
    void should_catch_a_refusal_without_a_reason_and_a_hidden_exception() {
        assertThrows(AssertionFailedError.class, () -> ReaderContract.check(10, () -> ReadResult.failed(List.of())));
        assertThrows(AssertionFailedError.class, () -> ReaderContract.check(10, () -> ReadResult.failed(List.of(
                Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.READ, "internal error while reading: x")))));
    }
}

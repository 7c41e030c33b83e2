package io.netcr.model.fuzz;

import io.netcr.model.Diagnostic;
import io.netcr.model.ReadResult;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every reader of outside bytes keeps, asserted by the fuzz tests (docs/reliability.md): any
 * input gives a {@link ReadResult} (a snapshot with its diagnostics, or a refusal that says why); never an
 * exception, never a last-resort "internal error" diagnostic that hides one, and never memory that grows with
 * a length the input declares rather than with the bytes it has.
 *
 * <p>Allocation is measured on the calling thread ({@code com.sun.management.ThreadMXBean}), so it counts what
 * the reader really asked the heap for, whether or not the garbage collector ran. A hang is caught by the
 * {@code @Timeout} on each fuzz test, which Jazzer also turns into its per-input {@code -timeout}.
 */
public final class ReaderContract {

    /**
     * What a read may allocate whatever its input: the structures of one small snapshot, a bzip2 block
     * (up to 900 kB of it, in several arrays), Jackson's buffers. A length field that is believed costs more.
     */
    public static final long FIXED_BYTES = 24L << 20;
    /** What a read may allocate per byte of input: copies, decoded strings, model records, diagnostics. */
    public static final long BYTES_PER_INPUT_BYTE = 128;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ReaderContract() {
    }

    /**
     * Runs {@code read} on an input of {@code inputLength} bytes and asserts the contract. An exception from
     * the reader is not caught: it propagates, and Jazzer reports it as a finding.
     */
    public static ReadResult check(int inputLength, Supplier<ReadResult> read) {
        ReadResult[] result = new ReadResult[1];
        assertBounded(inputLength, () -> result[0] = read.get());
        assertWellFormed(result[0]);
        return result[0];
    }

    /**
     * Runs {@code work} and asserts that it allocated at most {@link #FIXED_BYTES} plus {@link #BYTES_PER_INPUT_BYTE}
     * per input byte. The first run of a code path loads classes, and under the fuzzer instruments them, on this
     * thread, which is no input's fault: a run over the bound is repeated, and the repeat is what counts.
     */
    public static void assertBounded(long inputLength, Runnable work) {
        long bound = FIXED_BYTES + BYTES_PER_INPUT_BYTE * inputLength;
        long allocated = allocation(work);
        if (allocated > bound) {
            allocated = allocation(work);
        }
        if (allocated > bound) {
            fail("reading " + inputLength + " bytes allocated " + allocated + " bytes, more than " + bound
                    + ": a length in the input was believed instead of the bytes that are there");
        }
    }

    /** The bytes {@code work} allocated on this thread. */
    public static long allocation(Runnable work) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** A result, with every diagnostic whole; no snapshot means at least one error that says why. */
    public static void assertWellFormed(ReadResult r) {
        assertNotNull(r, "a reader returns a result, never null");
        assertNotNull(r.diagnostics());
        for (Diagnostic d : r.diagnostics()) {
            assertWellFormed(d);
        }
        if (r.snapshot() == null) {
            assertTrue(r.hasErrors(), "a refusal names its reason: " + r.diagnostics());
        } else {
            assertNotNull(r.snapshot().namespaces());
        }
    }

    /**
     * One diagnostic: a code, a subject and a sentence, and not the last-resort one a reader gives when its own
     * code threw (it starts with "internal error"; names from the input are quoted inside messages, never first).
     */
    public static void assertWellFormed(Diagnostic d) {
        assertNotNull(d);
        assertFalse(d.message().isBlank(), () -> "a diagnostic says something: " + d);
        assertFalse(d.message().startsWith("internal error"), () -> "a reader bug hidden as a diagnostic: " + d);
    }
}

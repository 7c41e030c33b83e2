package io.netcr.bridge.restore.journal;

import io.netcr.model.plan.RestorePlan;
import java.time.Instant;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a journal says, record by record: the plan, how far the restore announced it, the identities of the
 * namespaces it made, what the kernel acknowledged or refused, and how it ended, if it did. Kept in memory
 * by the writer as it writes, and built again by the reader from the file.
 */
public final class JournalContent {

    /** What is known of one step. */
    public enum StepState {
        /** The kernel acknowledged it. */
        DONE,
        /** The kernel refused it. */
        REFUSED,
        /** It was announced, so it may have been sent, but no outcome was entered: it may have taken effect. */
        UNKNOWN,
        /** Never announced: it was not sent. */
        NOT_SENT
    }

    private JournalRecord.Begin begin;
    private JournalRecord.Resume lastResume;
    private int announced;
    private final Map<Integer, JournalRecord.NetnsMade> namespaces = new LinkedHashMap<>();
    private final BitSet done = new BitSet();
    private final Map<Integer, JournalRecord.Refused> refused = new LinkedHashMap<>();
    private JournalRecord.End end;

    /** Takes in the next record; IllegalArgumentException when it cannot follow what came before. */
    public void apply(JournalRecord r) {
        if (begin == null && !(r instanceof JournalRecord.Begin)) {
            throw new IllegalArgumentException("the journal does not start with its 'begin' record");
        }
        if (end != null) {
            throw new IllegalArgumentException("a record after the 'end' record");
        }
        if (r instanceof JournalRecord.Begin b) {
            if (begin != null) {
                throw new IllegalArgumentException("a second 'begin' record");
            }
            begin = b;
        } else if (r instanceof JournalRecord.Resume s) {
            lastResume = s;
        } else if (r instanceof JournalRecord.Announce a) {
            announced = Math.max(announced, checkStep(a.upTo()));
        } else if (r instanceof JournalRecord.NetnsMade n) {
            checkStep(n.step());
            namespaces.put(n.step(), n);
        } else if (r instanceof JournalRecord.Done d) {
            done.set(checkStep(d.step()));
            refused.remove(d.step()); // done by a later run (a finish)
        } else if (r instanceof JournalRecord.Refused f) {
            refused.put(checkStep(f.step()), f);
        } else if (r instanceof JournalRecord.End e) {
            end = e;
        }
    }

    private int checkStep(int step) {
        if (step < 1 || step > begin.plan().steps().size()) {
            throw new IllegalArgumentException("step " + step + " is not in the plan of " + begin.plan().steps().size()
                    + " steps");
        }
        return step;
    }

    public JournalRecord.Begin begin() {
        return begin;
    }

    public RestorePlan plan() {
        return begin.plan();
    }

    /** Steps 1..announced() may have been sent. */
    public int announced() {
        return announced;
    }

    /** Step number (1-based) to the identity of the namespace it made (unnamed at first). */
    public Map<Integer, JournalRecord.NetnsMade> namespaces() {
        return Collections.unmodifiableMap(namespaces);
    }

    public Optional<JournalRecord.Refused> refusal(int step) {
        return Optional.ofNullable(refused.get(step));
    }

    public StepState state(int step) {
        if (done.get(step)) {
            return StepState.DONE;
        }
        if (refused.containsKey(step)) {
            return StepState.REFUSED;
        }
        return step <= announced ? StepState.UNKNOWN : StepState.NOT_SENT;
    }

    /** Steps the kernel acknowledged. */
    public int doneCount() {
        return done.cardinality();
    }

    /** The end record, when the restore (or its recovery) finished. */
    public Optional<JournalRecord.End> end() {
        return Optional.ofNullable(end);
    }

    /** The process that writes (or wrote) the journal last: the restore, or the recovery that resumed it. */
    public long writerPid() {
        return lastResume != null ? lastResume.pid() : begin.pid();
    }

    /** When that process started (to tell it from another that reuses its pid), or null. */
    public Instant writerProcessStarted() {
        return lastResume != null ? lastResume.processStarted() : begin.processStarted();
    }

    /** The command that wrote the journal last. */
    public String writerCommand() {
        return lastResume != null ? lastResume.command() : begin.command();
    }
}

package io.netcr.bridge.restore.journal;

import io.netcr.bridge.sys.Inode;
import io.netcr.model.plan.RestorePlan;
import java.time.Instant;
import java.util.List;

/**
 * One line of a restore journal. Steps are numbered from 1, as the plan and its messages number them.
 * A new kind of restore step that makes something only known at run time (an old sysctl value, an
 * nftables handle) adds a record here, written before the step it announces.
 */
public sealed interface JournalRecord {

    /**
     * The first line: who restores what. {@code plan} is the whole executable plan, so that the restore can
     * be finished later; {@code bootId} and {@code restorerNetns} say where its objects live (a journal of
     * another boot describes nothing that still exists).
     */
    record Begin(long pid, Instant processStarted, Instant started, String bootId, Inode restorerNetns,
                 String command, RestorePlan plan) implements JournalRecord {
    }

    /** Another process goes on with the journal (a recovery): from now on it is the writer. */
    record Resume(long pid, Instant processStarted, Instant started, String command) implements JournalRecord {
    }

    /** Steps 1..upTo may be sent to the kernel from now on (synced before the first of them is). */
    record Announce(int upTo) implements JournalRecord {
    }

    /** The namespace of step {@code step} exists, unnamed: its file and nsfs inodes (synced before naming). */
    record NetnsMade(int step, String name, Inode file, Inode netns) implements JournalRecord {
    }

    /** The kernel acknowledged step {@code step}. */
    record Done(int step) implements JournalRecord {
    }

    /** The kernel refused step {@code step}: the errno and its extended-ack text (or null). */
    record Refused(int step, int errno, String kernelMessage) implements JournalRecord {
    }

    /** The last line: how it ended, with its diagnostics as text. */
    record End(Outcome outcome, Instant at, List<String> diagnostics) implements JournalRecord {
        public End {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** How a journaled restore ended. */
    enum Outcome {
        /** Every step took effect. */
        RESTORED("restored"),
        /** A step failed and everything done was undone. */
        ROLLED_BACK("rolled-back"),
        /** A leftover journal was undone by {@code netcr recover}. */
        RECOVERED("recovered"),
        /** A leftover journal was completed by {@code netcr recover --finish}. */
        FINISHED("finished");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Outcome ofWord(String word) {
            for (Outcome o : values()) {
                if (o.word.equals(word)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown outcome '" + word + "'");
        }
    }
}

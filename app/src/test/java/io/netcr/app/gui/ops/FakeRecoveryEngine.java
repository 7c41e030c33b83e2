package io.netcr.app.gui.ops;

import io.netcr.app.hosts.RecoveryOutcome;
import io.netcr.app.services.RecoveryService;
import io.netcr.bridge.restore.Recovery;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.bridge.sys.Inode;
import io.netcr.model.Diagnostic;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recovery engine for tests without a kernel: a leftover journal of a restore of namespace "a" that was
 * killed after its first of three steps, and recoveries that succeed (or fail, when told to), each recorded.
 */
public final class FakeRecoveryEngine implements RecoveryEngine {

    /** One call of {@link #recover}: finish or undo, dry or not. */
    public record Call(boolean finish, boolean dryRun) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** How often {@link #find} was asked (from worker threads). */
    public final AtomicInteger finds = new AtomicInteger();
    public boolean leftoverThere = true;
    public IOException unreadable;
    public List<Diagnostic> failWith = List.of();

    public static RecoveryService.Leftover leftover() {
        RestorePlan plan = new RestorePlan(List.of(new PlanStep.CreateNamespace("a"), new PlanStep.CreateNamespace("b"),
                new PlanStep.CreateNamespace("c")), List.of(), Map.of("a", "a", "b", "b", "c", "c"));
        JournalContent c = new JournalContent();
        c.apply(new JournalRecord.Begin(4242, null, Instant.parse("2025-05-06T07:08:09Z"), "boot", new Inode(4, 1),
                "netcr restore three.netcr", plan));
        c.apply(new JournalRecord.Announce(3));
        c.apply(new JournalRecord.Done(1));
        return new RecoveryService.Leftover(new RunDir(Path.of("/run/netcr")), c, RecoveryService.describe(c));
    }

    @Override
    public Optional<String> find() throws IOException {
        finds.incrementAndGet();
        if (unreadable != null) {
            throw unreadable;
        }
        return leftoverThere ? Optional.of(leftover().summary()) : Optional.empty();
    }

    @Override
    public RecoveryOutcome recover(boolean finish, boolean dryRun) {
        calls.add(new Call(finish, dryRun));
        List<String> actions = finish ? List.of("restored a b c") : List.of("ip netns del a (nsfs 4:4026532001)");
        boolean ok = dryRun || failWith.isEmpty();
        return RecoveryOutcome.of(new RecoveryService.Recovered(RecoveryService.Kind.RAN, leftover(),
                new Recovery.Result(ok, dryRun, actions, dryRun ? List.of() : failWith), List.of()));
    }
}

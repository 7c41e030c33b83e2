package io.netcr.bridge.restore.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.sys.Inode;
import io.netcr.model.Address;
import io.netcr.model.Route;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.TargetNs;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as a file: written, read back, left by a kill, damaged. No kernel. */
class JournalFileTest {

    @TempDir
    Path dir;

    private static final TargetNs A = new TargetNs("a");

    static RestorePlan plan() {
        return new RestorePlan(List.of(new PlanStep.CreateNamespace("a"),
                new PlanStep.CreateVeth(new LinkEnd(A, "eth0", 2, "02:00:0a:fa:00:02", 1500),
                        new LinkEnd(TargetNs.RESTORER, "ha", 0, "02:00:0a:fa:00:01", 1500)),
                new PlanStep.AddAddress(A, "eth0", Address.of("10.250.3.2/24"), false),
                new PlanStep.AddAddress(TargetNs.RESTORER, "ha", Address.of("10.250.3.1/24"), false),
                new PlanStep.SetUp(A, "eth0"),
                new PlanStep.AddRoute(TargetNs.RESTORER, new Route("inet", "10.250.4.0/24", "10.250.3.2", "ha", 0,
                        "static", "global", "unicast", null), false)), List.of(), Map.of("a", "a"));
    }

    static JournalRecord.Begin begin() {
        return new JournalRecord.Begin(42, Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-01-02T03:04:06Z"),
                "boot-1", new Inode(4, 4026531840L), "netcr restore a.netcr", plan());
    }

    @Test
    void should_read_back_what_was_written_and_close_it_as_the_last_restore() throws Exception {
        RunDir run = new RunDir(dir);
        try (JournalWriter w = JournalWriter.create(run, begin(), 1)) {
            w.namespacesMade(List.of(new JournalRecord.NetnsMade(1, "a", new Inode(254, 77), new Inode(4, 4026532999L))));
            w.done(1);
            w.announce(6);
            w.done(2);
            w.refused(3, 17, "File exists");
            w.flush();

            JournalContent read = JournalReader.read(run.journalFile());

            assertEquals(begin(), read.begin());
            assertEquals(6, read.announced());
            assertEquals(JournalContent.StepState.DONE, read.state(1));
            assertEquals(JournalContent.StepState.DONE, read.state(2));
            assertEquals(JournalContent.StepState.REFUSED, read.state(3));
            assertEquals(JournalContent.StepState.UNKNOWN, read.state(4));
            assertEquals("File exists", read.refusal(3).orElseThrow().kernelMessage());
            assertEquals(new Inode(4, 4026532999L), read.namespaces().get(1).netns());
            w.end(new JournalRecord.End(JournalRecord.Outcome.ROLLED_BACK, Instant.parse("2025-01-02T03:04:07Z"),
                    List.of("EEXIST netns:init/dev:ha: ...")));
        }
        assertFalse(Files.exists(run.journalFile()), "no leftover once it has ended");
        JournalContent last = Journals.last(run).orElseThrow();
        assertEquals(JournalRecord.Outcome.ROLLED_BACK, last.end().orElseThrow().outcome());
        assertEquals(List.of("EEXIST netns:init/dev:ha: ..."), last.end().orElseThrow().diagnostics());
    }

    @Test
    void should_refuse_to_start_over_a_journal_that_is_there() throws Exception {
        RunDir run = new RunDir(dir);
        JournalWriter.create(run, begin(), 2).close();

        assertThrows(FileAlreadyExistsException.class, () -> JournalWriter.create(run, begin(), 2));
        assertEquals(2, Journals.current(run).orElseThrow().announced(), "the leftover is untouched");
    }

    @Test
    void should_leave_out_a_last_record_that_a_kill_cut_short() throws Exception {
        RunDir run = new RunDir(dir);
        try (JournalWriter w = JournalWriter.create(run, begin(), 6)) {
            w.done(1);
        }
        Files.writeString(run.journalFile(), "{\"t\":\"done\",\"st", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        JournalContent read = JournalReader.read(run.journalFile());

        assertEquals(JournalContent.StepState.DONE, read.state(1));
        assertEquals(JournalContent.StepState.UNKNOWN, read.state(2));
    }

    @Test
    void should_name_the_line_of_a_damaged_journal() throws Exception {
        RunDir run = new RunDir(dir);
        JournalWriter.create(run, begin(), 6).close();
        String good = Files.readString(run.journalFile());
        String[] bad = {
            "{\"t\":\"done\",\"step\":7}\n",               // not in the plan
            "{\"t\":\"sysctl\",\"step\":2}\n",             // a newer netcr's record
            "{\"t\":\"netns\",\"step\":1,\"name\":\"a\",\"file\":\"x\",\"netns\":\"4:5\"}\n",
            "not json\n",
        };
        for (String b : bad) {
            Files.writeString(run.journalFile(), good + b + "{\"t\":\"done\",\"step\":1}\n");

            JournalReader.DamagedJournalException e = assertThrows(JournalReader.DamagedJournalException.class,
                    () -> JournalReader.read(run.journalFile()), b);

            assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        }
        Files.writeString(run.journalFile(), "");
        assertTrue(assertThrows(JournalReader.DamagedJournalException.class, () -> JournalReader.read(run.journalFile()))
                .getMessage().contains("empty"));
        Files.writeString(run.journalFile(), "{\"t\":\"done\",\"step\":1}\n");
        assertTrue(assertThrows(JournalReader.DamagedJournalException.class, () -> JournalReader.read(run.journalFile()))
                .getMessage().contains("does not start with"));
    }

    @Test
    void should_write_each_record_as_one_line_that_reads_back_equal() {
        List<JournalRecord> records = List.of(begin(),
                new JournalRecord.Resume(43, null, Instant.parse("2025-01-02T04:00:00Z"), "netcr recover --finish"),
                new JournalRecord.Announce(6),
                new JournalRecord.NetnsMade(1, "a", new Inode(254, 77), new Inode(4, 4026532999L)),
                new JournalRecord.Done(2),
                new JournalRecord.Refused(3, 17, null),
                new JournalRecord.End(JournalRecord.Outcome.FINISHED, Instant.parse("2025-01-02T04:00:01Z"), List.of()));
        for (JournalRecord r : records) {
            String line = JournalCodec.line(r);
            assertFalse(line.contains("\n"), line);
            assertEquals(r, JournalCodec.parse(line));
        }
    }

    @Test
    void should_tell_a_running_writer_from_a_dead_one() throws Exception {
        RunDir run = new RunDir(dir);
        JournalRecord.Begin mine = new JournalRecord.Begin(ProcessHandle.current().pid(), Journals.processStarted(),
                Instant.now(), "boot", new Inode(1, 2), "netcr restore", plan());
        JournalRecord.Begin reused = new JournalRecord.Begin(ProcessHandle.current().pid(),
                Instant.parse("2001-01-01T00:00:00Z"), Instant.now(), "boot", new Inode(1, 2), "netcr restore", plan());
        JournalContent running = new JournalContent();
        running.apply(mine);
        JournalContent pidReused = new JournalContent();
        pidReused.apply(reused);

        assertTrue(Journals.writerRunning(running));
        assertFalse(Journals.writerRunning(pidReused), "a pid that another process has now is not the writer");
        assertFalse(Journals.present(run));
    }
}

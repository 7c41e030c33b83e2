package io.netcr.bridge.restore.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a restore's journal, one JSON line per record ({@link JournalCodec}), appending only. Records
 * that announce a kernel step ({@link JournalRecord.Announce}, {@link JournalRecord.NetnsMade}) are written
 * and fsynced before the step; outcomes ({@link JournalRecord.Done}, {@link JournalRecord.Refused}) are
 * gathered and written with the next announcement, or at the end: a lost outcome only leaves a step
 * "unknown", which recovery handles by identity. The journal is created whole (its first records in a
 * temporary file, synced, renamed into place, the folder synced), so it never exists empty or torn at the
 * start. At the end it is renamed to {@link RunDir#lastFile()}, where its outcome stays readable.
 * Thread-safe: namespaces are announced from the threads that make them.
 */
public final class JournalWriter implements AutoCloseable {

    private final RunDir dir;
    private final FileChannel channel;
    private final JournalContent content;
    private final StringBuilder pending = new StringBuilder();
    private boolean ended;

    private JournalWriter(RunDir dir, FileChannel channel, JournalContent content) {
        this.dir = dir;
        this.channel = channel;
        this.content = content;
    }

    /**
     * Creates the journal with its begin record and the announcement of steps 1..{@code announceUpTo};
     * {@link FileAlreadyExistsException} when a journal is there (a leftover, or another restore's).
     */
    public static JournalWriter create(RunDir dir, JournalRecord.Begin begin, int announceUpTo) throws IOException {
        Files.createDirectories(dir.dir());
        Path journal = dir.journalFile();
        if (Files.exists(journal)) {
            throw new FileAlreadyExistsException(journal.toString(), null, "a restore journal is there already");
        }
        JournalContent content = new JournalContent();
        StringBuilder first = new StringBuilder();
        for (JournalRecord r : List.of(begin, new JournalRecord.Announce(announceUpTo))) {
            content.apply(r);
            first.append(JournalCodec.line(r)).append('\n');
        }
        Path temp = dir.dir().resolve(journal.getFileName() + ".new");
        try (FileChannel t = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(t, first);
            t.force(false);
        }
        Files.move(temp, journal, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(dir.dir());
        return new JournalWriter(dir, FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                content);
    }

    /** Goes on with a leftover journal (read as {@code content}): its writer is now {@code resume}'s process. */
    public static JournalWriter resume(RunDir dir, JournalContent content, JournalRecord.Resume resume)
            throws IOException {
        FileChannel ch = FileChannel.open(dir.journalFile(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        JournalWriter w = new JournalWriter(dir, ch, content);
        w.add(resume);
        w.sync();
        return w;
    }

    /** What the journal says so far (this writer's records included). */
    public JournalContent content() {
        return content;
    }

    /** Steps 1..{@code upTo} may be sent: written and synced now, with the outcomes gathered so far. */
    public synchronized void announce(int upTo) throws IOException {
        if (upTo > content.announced()) {
            add(new JournalRecord.Announce(upTo));
            sync();
        }
    }

    /** Namespaces made but not yet named: written and synced before the first of them gets its name. */
    public synchronized void namespacesMade(List<JournalRecord.NetnsMade> made) throws IOException {
        made.forEach(this::add);
        sync();
    }

    /** The kernel acknowledged a step: written with the next synced record. */
    public synchronized void done(int step) {
        add(new JournalRecord.Done(step));
    }

    /** The kernel refused a step: written with the next synced record. */
    public synchronized void refused(int step, int errno, String kernelMessage) {
        add(new JournalRecord.Refused(step, errno, kernelMessage));
    }

    /** Writes what is gathered (without a sync): the outcomes so far, for a reader of the journal. */
    public synchronized void flush() throws IOException {
        if (pending.length() > 0) {
            writeFully(channel, pending);
            pending.setLength(0);
        }
    }

    /**
     * The last record: written and synced; then the journal becomes {@link RunDir#lastFile()} (replacing
     * the one before), so that no leftover remains and the outcome stays readable.
     */
    public synchronized void end(JournalRecord.End end) throws IOException {
        add(end);
        sync();
        channel.close();
        ended = true;
        Files.move(dir.journalFile(), dir.lastFile(), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        syncFolder(dir.dir());
    }

    private void add(JournalRecord r) {
        content.apply(r);
        pending.append(JournalCodec.line(r)).append('\n');
    }

    private void sync() throws IOException {
        flush();
        channel.force(false);
    }

    /** Writes what is gathered and closes; without {@link #end} the journal stays for a recovery. */
    @Override
    public synchronized void close() throws IOException {
        if (ended) {
            return;
        }
        try {
            flush();
        } finally {
            channel.close();
            ended = true;
        }
    }

    private static void writeFully(FileChannel ch, CharSequence text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** fsync of a folder, so that a file created or renamed in it stays. */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel d = FileChannel.open(folder, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}

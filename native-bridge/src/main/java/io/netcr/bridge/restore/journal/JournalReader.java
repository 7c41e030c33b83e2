package io.netcr.bridge.restore.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a journal back into its {@link JournalContent}. A last line without its newline is a record the
 * writer did not finish when it was killed, and is left out; any other line that cannot be read makes the
 * whole journal unusable ({@link DamagedJournalException}, naming the line), since undoing from part of it
 * could leave something behind or remove what is not the restore's.
 */
public final class JournalReader {

    /** The journal cannot be used: which file and line, and why. */
    public static final class DamagedJournalException extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedJournalException(String message) {
            super(message);
        }
    }

    private JournalReader() {
    }

    public static JournalContent read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JournalContent content = new JournalContent();
        int start = 0;
        int line = 1;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                break; // torn: the writer was killed in the middle of this record
            }
            String record = text.substring(start, nl);
            try {
                content.apply(JournalCodec.parse(record));
            } catch (IllegalArgumentException e) {
                throw new DamagedJournalException(file + " line " + line + ": " + e.getMessage());
            }
            start = nl + 1;
            line++;
        }
        if (content.begin() == null) {
            throw new DamagedJournalException(file + ": empty; it holds no restore");
        }
        return content;
    }
}

package io.netcr.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SourceFiles;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.Limits;
import io.netcr.model.validate.SnapshotValidator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a snapshot (docs/json.md). Writing is deterministic; reading never throws and
 * applies the same validation as the image reader, so a hand-written topology is held to the same rules.
 */
public final class SnapshotJson {

    /**
     * Writing needs only Jackson's streaming core: a databind ObjectMapper takes ~0.2 s to start in a cold
     * JVM, a noticeable part of a whole {@code netcr snapshot --json}. Reading makes one when first needed.
     */
    private static final JsonFactory FACTORY = new JsonFactory();

    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private SnapshotJson() {
    }

    /** The snapshot as indented JSON text, ending with a newline. */
    public static String toJson(Snapshot snapshot) {
        StringWriter text = new StringWriter(4096 + snapshot.namespaces().size() * 2048);
        try {
            write(snapshot, text);
        } catch (IOException e) {
            throw new IllegalStateException("JSON written to memory failed", e);
        }
        return text.toString();
    }

    /**
     * Streams the snapshot as indented JSON text, ending with a newline, to a writer (left open and
     * flushed): the same text as {@link #toJson}, without holding megabytes of it in memory first.
     */
    public static void write(Snapshot snapshot, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            SnapshotJsonWriter.write(snapshot, g);
        }
        out.write('\n');
        out.flush();
    }

    /** One diagnostic in the JSON form of docs/json.md, for other JSON documents that list diagnostics. */
    public static com.fasterxml.jackson.databind.node.ObjectNode diagnosticTree(Diagnostic d) {
        return SnapshotJsonWriter.diagnostic(d);
    }

    /** True when the first bytes look like a JSON object (after white space). */
    public static boolean looksLikeJson(byte[] firstBytes) {
        for (byte b : firstBytes) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    public static ReadResult read(Path file, ReadMode mode) {
        return SourceFiles.readBounded(file, Phase.READ).map(bytes -> read(bytes, mode, file.toString()),
                ReadResult::failed);
    }

    public static ReadResult read(byte[] bytes, ReadMode mode, String origin) {
        SubjectPath where = SubjectPath.of(SubjectPath.FILE, origin == null ? "(json)" : origin);
        JsonNode root;
        try {
            root = Reading.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return ReadResult.failed(List.of(Diagnostic.error(Errno.EBADMSG, where, Phase.READ,
                    "not valid JSON" + at + ": " + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            return ReadResult.failed(List.of(Diagnostic.error(Errno.EBADMSG, where, Phase.READ, "the file is empty")));
        }
        SnapshotJsonReader reader = new SnapshotJsonReader(Limits.defaults());
        Snapshot snapshot = reader.read(root, origin);
        List<Diagnostic> problems = new ArrayList<>(reader.problems());
        if (snapshot != null) {
            problems.addAll(SnapshotValidator.validate(snapshot, Phase.READ, Limits.defaults()));
        }
        boolean errors = problems.stream().anyMatch(Diagnostic::isError);
        if (snapshot == null || (errors && mode == ReadMode.STRICT)) {
            return ReadResult.failed(problems);
        }
        return new ReadResult(problems.isEmpty() ? snapshot : snapshot.withDiagnostics(problems), problems);
    }
}

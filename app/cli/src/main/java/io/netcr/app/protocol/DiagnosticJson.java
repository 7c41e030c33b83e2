package io.netcr.app.protocol;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.Severity;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A diagnostic in a message: the same fields, words and codes as in a JSON snapshot (docs/json.md,
 * "diagnostics"), so that a problem found on another machine reads exactly as one found here. Read back, a code
 * must be an errno name and the subject a subject path.
 */
public final class DiagnosticJson {

    /** A diagnostic's message may be long (it can list names), but not without bound. */
    static final int MAX_MESSAGE = 64 * 1024;

    private DiagnosticJson() {
    }

    public static Map<String, Object> toMap(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code().name());
        m.put("severity", d.severity().word());
        m.put("subject", d.subject().toString());
        m.put("phase", d.phase().word());
        m.put("message", d.message().length() <= MAX_MESSAGE ? d.message()
                : d.message().substring(0, MAX_MESSAGE - 3) + "...");
        if (d.kernelMessage() != null) {
            m.put("kernelMessage", d.kernelMessage());
        }
        return m;
    }

    public static List<Map<String, Object>> toMaps(List<Diagnostic> diagnostics) {
        List<Map<String, Object>> out = new ArrayList<>(diagnostics.size());
        diagnostics.forEach(d -> out.add(toMap(d)));
        return out;
    }

    public static Diagnostic read(Fields f) throws ProtocolException {
        String codeText = f.text("code", 32);
        Errno code = Errno.ofName(codeText).orElseThrow(() -> new ProtocolException(Errno.EBADMSG,
                "'" + JsonValues.shorten(codeText) + "' in " + f.what() + " is not an errno name"));
        Severity severity = word(f, "severity", Severity::fromWord);
        Phase phase = word(f, "phase", Phase::fromWord);
        SubjectPath subject;
        try {
            subject = SubjectPath.parse(f.text("subject", Protocol.MAX_TEXT * 4));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(Errno.EBADMSG, "the subject in " + f.what() + " is not a subject path: "
                    + e.getMessage());
        }
        String kernel = f.has("kernelMessage") ? f.text("kernelMessage", MAX_MESSAGE) : null;
        return new Diagnostic(code, severity, subject, phase, f.text("message", MAX_MESSAGE), kernel);
    }

    public static List<Diagnostic> readAll(List<Fields> items) throws ProtocolException {
        List<Diagnostic> out = new ArrayList<>(items.size());
        for (Fields f : items) {
            out.add(read(f));
        }
        return out;
    }

    private static <T> T word(Fields f, String field, Function<String, T> parse)
            throws ProtocolException {
        String text = f.text(field, 32);
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(Errno.EBADMSG, "field '" + field + "' in " + f.what() + " is '"
                    + JsonValues.shorten(text) + "', not one of its words");
        }
    }
}

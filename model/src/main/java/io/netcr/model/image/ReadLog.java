package io.netcr.model.image;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;

import java.util.ArrayList;
import java.util.List;

/** The read problems of one image, in the order found; every one in phase READ. */
final class ReadLog {

    private final List<Diagnostic> list = new ArrayList<>();

    void error(Errno code, SubjectPath subject, String message) {
        list.add(Diagnostic.error(code, subject, Phase.READ, message));
    }

    void warning(Errno code, SubjectPath subject, String message) {
        list.add(Diagnostic.warning(code, subject, Phase.READ, message));
    }

    void info(Errno code, SubjectPath subject, String message) {
        list.add(Diagnostic.info(code, subject, Phase.READ, message));
    }

    void addAll(List<Diagnostic> more) {
        list.addAll(more);
    }

    /** An error about the record with this index, at this byte offset. */
    void damage(Errno code, Frame f, String message) {
        error(code, record(f.index()), where(f) + message);
    }

    static SubjectPath record(int index) {
        return SubjectPath.of(SubjectPath.RECORD, Integer.toString(index));
    }

    /** "record 3 (device) at offset 120: ", the prefix that says where in the file. */
    static String where(Frame f) {
        return "record " + f.index() + " (" + ImageFormat.typeName(f.type()) + ") at offset " + f.offset() + ": ";
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> list() {
        return List.copyOf(list);
    }
}

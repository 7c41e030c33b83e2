package io.netcr.model.image;

import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@link ImageFileTest} runs as an unprivileged user (root would read and write anywhere): reads or writes
 * one image and prints what happened, one line per fact, each starting with "probe ".
 * {@code read FILE} prints whether a snapshot came back and each diagnostic's code and subject;
 * {@code write FILE} writes the sample snapshot there and prints "written" or the exception's class.
 */
final class ImageFileProbe {

    private ImageFileProbe() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[1]);
        if (args[0].equals("read")) {
            ReadResult r = ImageReader.read(file, ReadMode.STRICT);
            System.out.println("probe snapshot=" + (r.snapshot() != null));
            for (Diagnostic d : r.diagnostics()) {
                System.out.println("probe " + d.code() + " " + d.subject());
            }
        } else {
            try {
                ImageWriter.write(SampleSnapshot.build("x"), file);
                System.out.println("probe written");
            } catch (IOException e) {
                System.out.println("probe refused " + e.getClass().getSimpleName());
            }
        }
    }
}

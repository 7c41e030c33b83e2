package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.services.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workbench's first document, read while JavaFX starts: taken once, by the source it was started for. */
class FirstDocumentTest {

    @Test
    void should_hand_the_first_document_to_the_first_load_of_its_source_only() {
        Path sample = Samples.demoFile();
        FirstDocument.start(List.of(sample.toString()));
        WorkbenchSource source = WorkbenchSource.file(sample);

        assertTrue(FirstDocument.take(source, true).isEmpty(), "not at another level of detail");
        assertTrue(FirstDocument.take(WorkbenchSource.LIVE, false).isEmpty(), "not for another source");
        SourceLoader.Loaded first = FirstDocument.take(source, false).orElseThrow();
        assertEquals(source, first.source());
        assertNotNull(first.document(), "the sample was read and laid out: " + first.problems());
        assertTrue(FirstDocument.take(source, false).isEmpty(), "once only: a refresh reads again");
    }

    @Test
    void should_give_its_live_host_to_one_window_only() {
        FirstDocument.start(List.of(Samples.demoFile().toString()));
        LiveHost kept = FirstDocument.liveHost();
        LiveHost next = FirstDocument.liveHost();
        assertNotSame(kept, next, "a second window gets a discovery of its own");
        assertSame(LiveHost.Discovery.class, next.getClass());
        FirstDocument.take(WorkbenchSource.file(Samples.demoFile()), false);
        kept.close();
        next.close();
    }
}

package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which command lines read the host before they are parsed: a plain snapshot only. */
class EarlySnapshotTest {

    @Test
    void should_start_early_for_a_plain_snapshot_whatever_its_output() {
        assertTrue(EarlySnapshot.isPlain(new String[] {"snapshot"}));
        assertTrue(EarlySnapshot.isPlain(new String[] {"snapshot", "--json"}));
        assertTrue(EarlySnapshot.isPlain(new String[] {"snapshot", "-o", "host.netcr"}));
    }

    @Test
    void should_hand_the_host_read_early_to_the_command_once() throws Exception {
        assertTrue(EarlySnapshot.startIfPlain(new String[] {"snapshot", "--json"}));
        Optional<EarlySnapshot.Taken> taken = EarlySnapshot.take();
        assertTrue(taken.isPresent());
        try {
            assertTrue(taken.get().snapshot().namespaces().stream().anyMatch(n -> n.init()),
                    "this process's own namespace is in it");
        } finally {
            taken.get().discovery().close();
        }
        assertTrue(EarlySnapshot.take().isEmpty(), "taken once: a second command reads the host itself");
        assertFalse(EarlySnapshot.startIfPlain(new String[] {"snapshot", "--netns", "a"}));
        assertTrue(EarlySnapshot.take().isEmpty());
    }

    @Test
    void should_leave_every_other_command_line_to_the_command() {
        assertFalse(EarlySnapshot.isPlain(new String[0]));
        assertFalse(EarlySnapshot.isPlain(new String[] {"inspect", "live"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--netns", "a"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--netns=a"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--repeat", "5", "--timing"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--help"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--json", "--host", "far"}), "the agent reads it");
        assertFalse(EarlySnapshot.isPlain(new String[] {"snapshot", "--host=far"}));
        assertFalse(EarlySnapshot.isPlain(new String[] {"checkpoint", "--all", "-o", "x"}));
    }
}

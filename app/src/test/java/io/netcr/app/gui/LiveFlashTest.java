package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The marks of what changed: named by the deltas, up for {@link LiveFlash#FLASH_NANOS} on the given clock. */
class LiveFlashTest {

    private long now = 1_000;
    private final LiveFlash flash = new LiveFlash(() -> now);

    private static Delta delta(Delta.Kind kind, ChangeKind action, String device, String name) {
        return new Delta(kind, action, "4026532", "nctred", device, name, List.of());
    }

    @Test
    void should_mark_the_objects_the_deltas_name() {
        flash.flash(List.of(delta(Delta.Kind.DEVICE, ChangeKind.CHANGED, null, "eth0"),
                delta(Delta.Kind.DEVICE, ChangeKind.ADDED, null, "veth9"),
                delta(Delta.Kind.ADDRESS, ChangeKind.ADDED, "eth1", "10.250.0.1/24"),
                new Delta(Delta.Kind.NAMESPACE, ChangeKind.ADDED, "4026533", "nctblue", null, "nctblue", List.of())));
        assertEquals(Map.of(SubjectPath.parse("netns:nctred/dev:eth0"), ChangeKind.CHANGED,
                SubjectPath.parse("netns:nctred/dev:veth9"), ChangeKind.ADDED,
                SubjectPath.parse("netns:nctred/dev:eth1"), ChangeKind.CHANGED,
                SubjectPath.parse("netns:nctblue"), ChangeKind.ADDED), flash.markedProperty().get());
    }

    @Test
    void should_mark_what_held_a_removed_object_and_nothing_for_a_removed_namespace() {
        flash.flash(List.of(delta(Delta.Kind.DEVICE, ChangeKind.REMOVED, null, "eth0"),
                new Delta(Delta.Kind.NAMESPACE, ChangeKind.REMOVED, "4026533", "nctblue", null, "nctblue", List.of()),
                delta(Delta.Kind.ROUTE, ChangeKind.ADDED, null, "10.250.9.0/24 dev eth1")));
        assertEquals(Map.of(SubjectPath.parse("netns:nctred"), ChangeKind.CHANGED), flash.markedProperty().get());
    }

    @Test
    void should_drop_a_mark_when_its_time_is_up_and_not_before() {
        flash.flash(List.of(delta(Delta.Kind.DEVICE, ChangeKind.CHANGED, null, "eth0")));
        assertEquals(LiveFlash.FLASH_NANOS, flash.nextExpiry().orElseThrow());
        now += LiveFlash.FLASH_NANOS / 2;
        flash.flash(List.of(delta(Delta.Kind.DEVICE, ChangeKind.CHANGED, null, "eth1")));
        assertTrue(flash.expire(), "both are up half-way through the first");
        assertEquals(2, flash.markedProperty().get().size());

        now += LiveFlash.FLASH_NANOS / 2;
        assertTrue(flash.expire());
        assertEquals(Map.of(SubjectPath.parse("netns:nctred/dev:eth1"), ChangeKind.CHANGED),
                flash.markedProperty().get(), "the first is down, the later one still up");
        assertEquals(LiveFlash.FLASH_NANOS / 2, flash.nextExpiry().orElseThrow());

        now += LiveFlash.FLASH_NANOS / 2;
        assertFalse(flash.expire());
        assertTrue(flash.markedProperty().get().isEmpty());
        assertTrue(flash.nextExpiry().isEmpty(), "nothing up: nothing to wait for");
    }
}

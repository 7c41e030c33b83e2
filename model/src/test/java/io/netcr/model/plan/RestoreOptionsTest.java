package io.netcr.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restore options from outside (the command line's --rename and --prefix, an agent's restore request) are
 * checked by themselves, by the rules of what restore creates, before any image or host is looked at; the
 * planner refuses with exactly those problems.
 */
class RestoreOptionsTest {

    @ParameterizedTest(name = "--rename red=NEW, NEW with {0}")
    @MethodSource("io.netcr.model.testing.BadNames#namespaceNames")
    void should_refuse_a_new_namespace_name(String what, String name, Errno code) {
        Diagnostic d = only(new RestoreOptions(Map.of("red", name), "").problems());
        assertEquals(code, d.code(), d::toString);
        assertEquals(SubjectPath.of(SubjectPath.NETNS, "red"), d.subject());
        assertTrue(d.message().startsWith("--rename 'red'="), d.message());
    }

    @Test
    void should_show_a_newline_in_a_name_escaped_on_one_line() {
        Diagnostic d = only(new RestoreOptions(Map.of("red", "a\nb"), "").problems());
        assertTrue(d.message().contains("'a\\u000ab'") && !d.message().contains("\n"), d.message());
    }

    @Test
    void should_refuse_a_new_device_name_of_16_bytes() {
        Diagnostic d = only(new RestoreOptions(Map.of("dev:veth-red", "abcdefghijklmnop"), "").problems());
        assertEquals(Errno.ENAMETOOLONG, d.code());
        assertEquals(SubjectPath.of(SubjectPath.DEV, "veth-red"), d.subject());
    }

    @Test
    void should_refuse_a_rename_that_names_nothing() {
        assertEquals(Errno.EINVAL, only(new RestoreOptions(Map.of("", "blue"), "").problems()).code());
        assertEquals(Errno.EINVAL, only(new RestoreOptions(Map.of("dev:", "eth9"), "").problems()).code());
    }

    @Test
    void should_refuse_a_prefix_no_name_can_start_with() {
        assertEquals(Errno.EINVAL, only(new RestoreOptions(Map.of(), "x/").problems()).code());
        assertEquals(Errno.EINVAL, only(new RestoreOptions(Map.of(), "x\n").problems()).code());
        assertEquals(Errno.EINVAL, only(new RestoreOptions(Map.of(), "x:").problems()).code(), "':' is not in device names");
        assertEquals(Errno.ENAMETOOLONG, only(new RestoreOptions(Map.of(), "p".repeat(15)).problems()).code(),
                "a 15-byte prefix leaves no room for a device name");
        assertEquals(List.of(), new RestoreOptions(Map.of(), "p".repeat(14)).problems());
    }

    @Test
    void should_accept_good_options() {
        assertEquals(List.of(), new RestoreOptions(Map.of("red", "red2", "dev:veth-red", "vr2"), "lab-").problems());
        assertEquals(List.of(), RestoreOptions.none().problems());
    }

    @Test
    void should_plan_nothing_when_the_options_are_refused_and_say_only_why() {
        Snapshot image = CheckpointSelector.select(Topologies.host(), List.of("red", "blue"), false,
                new CheckpointOptions(true, 4096)).image();
        RestoreOptions bad = new RestoreOptions(Map.of("red", "../etc"), "");
        RestorePlan plan = RestorePlanner.plan(image, Topologies.emptyHost(), bad);
        assertEquals(List.of(), plan.steps());
        assertEquals(bad.problems(), plan.diagnostics());
    }

    @Test
    void should_refuse_two_namespaces_renamed_to_one_name() {
        Snapshot image = CheckpointSelector.select(Topologies.host(), List.of("red", "blue"), false,
                new CheckpointOptions(true, 4096)).image();
        RestoreOptions same = new RestoreOptions(Map.of("red", "lab", "blue", "lab"), "");
        assertEquals(List.of(), same.problems(), "each name is fine by itself");
        List<Diagnostic> errors = RestorePlanner.plan(image, Topologies.emptyHost(), same).diagnostics().stream()
                .filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(Errno.EEXIST, errors.get(0).code());
        assertTrue(errors.get(0).message().contains("would both be called 'lab'"), errors.get(0).message());
    }

    private static Diagnostic only(List<Diagnostic> problems) {
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }
}

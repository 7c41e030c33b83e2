package io.netcr.app.gui;

import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.task.FxTaskExecutor;
import io.netcr.app.hosts.HostInfo;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench as an unprivileged user opens it (run as nobody by {@link UnprivilegedWorkbenchTest}): headless,
 * as {@code netcr} opens it ({@link WorkbenchApp#open}), with this process's environment. Once this host is read
 * through netcr's agent (argument {@code agent}), or once starting the agent has failed (argument {@code fallback}),
 * it prints what the window shows — the helper's state, the helper line, the namespaces of "This host" — writes a
 * screenshot to the path given, and exits.
 */
public final class UnprivilegedWorkbench {

    private UnprivilegedWorkbench() {
    }

    public static void main(String[] args) throws Exception {
        boolean agent = "agent".equals(args[0]);
        Path screenshot = Path.of(args[1]);
        System.setProperty("glass.platform", "Monocle"); // headless, as the tests run JavaFX
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1600x1000-32");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("user.home", System.getProperty("java.io.tmpdir")); // nobody's home is not there
        Platform.startup(() -> { });
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage[] stage = new Stage[1];
        WorkbenchViewModel vm = onFx(() -> {
            stage[0] = new Stage();
            return WorkbenchApp.open(stage[0], executor, List.of(), System.getenv(),
                    new RecentFiles(Preferences.userRoot().node("io/netcr/probe/" + UUID.randomUUID())));
        });
        // the window's state is watched on its own thread: the report is made the moment it is ready
        CompletableFuture<String> done = new CompletableFuture<>();
        onFx(() -> {
            // a change is seen in the middle of the window's own update (a document added before it is made
            // active): the report waits for the end of that update, and looks again
            InvalidationListener check = o -> Platform.runLater(() -> {
                if (!done.isDone() && ready(vm, agent)) {
                    done.complete(report(vm, stage[0], screenshot));
                }
            });
            HostConnection helper = vm.hosts().thisHost().helper();
            if (helper != null) {
                helper.stateProperty().addListener(check);
            }
            vm.documents().addListener(check);
            vm.busyProperty().addListener(check);
            check.invalidated(null);
            return null;
        });
        String report;
        try {
            report = done.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.out.println("timeout " + onFx(() -> state(vm)));
            System.exit(3);
            return;
        }
        System.out.print(report);
        System.out.flush();
        Platform.exit();
        System.exit(0);
    }

    /** This host shown, nothing running, and the agent connected (read through it: no EPERM) or given up. */
    private static boolean ready(WorkbenchViewModel vm, boolean agent) {
        HostConnection helper = vm.hosts().thisHost().helper();
        Document live = vm.documents().stream().filter(Document::live).findFirst().orElse(null);
        if (helper == null || live == null || vm.busyProperty().get()) {
            return false;
        }
        boolean asRoot = live.snapshot().diagnostics().stream().noneMatch(d -> d.code() == Errno.EPERM);
        return agent ? helper.getState() == ConnectionState.CONNECTED && asRoot
                : helper.getState() == ConnectionState.LOST;
    }

    private static String state(WorkbenchViewModel vm) {
        HostConnection helper = vm.hosts().thisHost().helper();
        return (helper == null ? "no helper" : helper.getState() + " " + helper.problemProperty().get()) + " / "
                + vm.statusProperty().get();
    }

    private static String report(WorkbenchViewModel vm, Stage stage, Path screenshot) {
        StringBuilder out = new StringBuilder();
        ThisHost here = vm.hosts().thisHost();
        HostInfo agent = here.helper().infoProperty().get();
        out.append("state ").append(here.helper().getState()).append('\n');
        out.append("agent-uid ").append(agent == null ? -1 : agent.uid()).append('\n');
        out.append("offer ").append(here.offerProperty().get()).append('\n');
        out.append("note ").append(here.noteProperty().get()).append('\n');
        Document live = vm.documents().stream().filter(Document::live).findFirst().orElseThrow();
        for (Namespace ns : live.snapshot().namespaces()) {
            out.append("ns ").append(ns.id()).append(' ').append(ns.label()).append('\n');
        }
        Screenshots.write(stage.getScene().snapshot(null), screenshot);
        return out.toString();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}

package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.FxTaskExecutor;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.Change;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Compare with…, in the window: the Changes tab, revealing a change, the colours, clearing from the menu. */
@ExtendWith(ApplicationExtension.class)
class ComparisonUiTest {

    private static final SubjectPath DB_ETH1 = SubjectPath.parse("netns:db/dev:eth1");

    private WindowUnderTest ui;
    private FxTaskExecutor executor;
    private WorkbenchViewModel vm;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage);
        executor = ui.executor;
        vm = ui.vm;
        window = ui.window;
    }

    @BeforeEach
    void open_the_sample_and_compare_it_with_an_older_one(FxRobot robot) throws Exception {
        ui.openDiagnosticsSample(robot);
        robot.interact(() -> vm.compare().compareWith(WorkbenchSource.file(Fixtures.olderDemoFile())));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.compare().comparisonProperty().get() != null
                && !vm.busyProperty().get());
        settle();
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    private void settle() throws Exception {
        ui.settle();
    }

    @Test
    void should_list_the_changes_in_their_tab_and_reveal_one_on_double_click(FxRobot robot) throws Exception {
        assertEquals("Changes (" + vm.compare().changes().size() + ")", window.bottomTabs().getSelectionModel()
                .getSelectedItem().getText());
        assertEquals(vm.compare().changes(), window.changes().getItems());
        Change mtu = vm.compare().changes().stream().filter(c -> c.field().equals("mtu")).findFirst().orElseThrow();
        TableRow<?> row = robot.lookup(".table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n)
                .filter(r -> mtu.equals(r.getItem())).findFirst().orElseThrow();
        robot.doubleClickOn(row);
        settle();
        assertEquals(DB_ETH1, vm.selection().getSelected());
        robot.interact(() -> {
            vm.selection().select(null);
            vm.fit();
        });
        settle();
        robot.interact(() -> Screenshots.write(window.scene(), "compare"));
        assertTrue(vm.statusProperty().get().startsWith("Compared with"), vm.statusProperty().get());
    }

    @Test
    void should_clear_the_comparison_from_the_file_menu(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Clear comparison");
        settle();
        assertNull(vm.compare().comparisonProperty().get());
        assertTrue(window.changes().getItems().isEmpty());
        assertTrue(window.bottomTabs().getSelectionModel().getSelectedItem().getText().startsWith("Diagnostics"));
    }
}

package io.netcr.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of the command line's module: what must keep working with no display, and the command line as
 * an adapter that nothing else leans on. (The workbench module has its own rules.)
 */
@AnalyzeClasses(packages = "io.netcr.app", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule no_javafx_without_a_display = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.netcr.app.gui..")
            .because("the command line, the agent and export run on servers, where the headless package has no JavaFX");

    @ArchTest
    static final ArchRule only_the_entry_point_reaches_the_command_line = noClasses()
            .that().resideOutsideOfPackage("io.netcr.app.cli..").and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAPackage("io.netcr.app.cli..")
            .because("picocli's commands are one adapter over the services; the workbench and the agent use the"
                    + " services, not the command line");

    @ArchTest
    static final ArchRule the_protocol_is_data_and_its_codec = noClasses().that().resideInAPackage("io.netcr.app.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netcr.app.services..", "io.netcr.app.hosts..",
                    "io.netcr.app.agent..", "io.netcr.app.cli..", "io.netcr.bridge..", "com.fasterxml.jackson.databind..")
            .because("both ends of the agent protocol read it, and every connection pays for what it loads: Jackson's "
                    + "streaming core starts in ~0.1 s, its ObjectMapper in 0.3-0.7 s");

    @ArchTest
    static final ArchRule the_agent_is_a_transport_over_the_services = noClasses().that()
            .resideInAPackage("io.netcr.app.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netcr.app.hosts.transport..", "io.netcr.app.graph..",
                    "io.netcr.app.export..", "org.eclipse.elk..", "io.netcr.bridge.discovery..", "io.netcr.bridge.rtnl..",
                    "io.netcr.bridge.sys..")
            .because("the agent turns messages into calls of the host the command line uses (LocalHost, the services)"
                    + " and loads nothing else: no ssh, no layout, no kernel code of its own (it starts on every connection)");

    @ArchTest
    static final ArchRule services_know_no_hosts = noClasses().that().resideInAPackage("io.netcr.app.services..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netcr.app.hosts..", "io.netcr.app.agent..",
                    "io.netcr.app.protocol..")
            .because("the services are what every host runs; hosts and the agent are built on them, not the reverse");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.netcr.app.(*)..").should().beFreeOfCycles();
}

package io.netcr.app.cli;

import io.netcr.app.agent.Agent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code netcr agent}: the agent protocol on standard input and output (docs/agent.md). */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Serve this host over the netcr agent protocol on standard input and output: what "
            + "`netcr --host` and the workbench start over ssh or a privilege helper. Not for typing at.",
            "Opens no port and reads only standard input; work it starts runs to its end even if the connection "
            + "drops. Protocol: docs/agent.md."})
public final class AgentCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return Agent.run();
    }
}

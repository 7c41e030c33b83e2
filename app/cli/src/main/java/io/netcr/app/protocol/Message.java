package io.netcr.app.protocol;

import java.util.Map;

/**
 * One line of the agent protocol (docs/agent.md): its type, the id of the request it is or belongs to
 * (0 for the agent's hello and for answers to lines whose id could not be read), and its other fields.
 */
public sealed interface Message permits Requests.Hello, Requests.Snapshot, Requests.Checkpoint, Requests.Restore,
        Requests.Cancel, Requests.Subscribe, Requests.Status, Requests.Recover, Requests.Bye, Data, Items,
        Events.AgentHello, Events.Waiting, Events.Begun, Events.Planned, Events.Progress, Events.Result, Events.Update,
        Events.Error {

    /** The wire name, the value of the {@code type} field. */
    String type();

    long id();

    /** Every field but {@code type} and {@code id}, in order, as {@link JsonValues} values. */
    Map<String, Object> fields();
}

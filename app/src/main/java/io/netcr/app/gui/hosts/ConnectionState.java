package io.netcr.app.gui.hosts;

/** Where a window's connection to a host's agent stands, as the navigator and the helper bar show it. */
public enum ConnectionState {
    /** ssh or the privilege helper is starting the agent (a password may be asked meanwhile). */
    CONNECTING("connecting…"),
    /** The agent said hello: the host can be read and worked on. */
    CONNECTED("connected"),
    /** It did not connect, or the connection ended: the problem says why; Reconnect tries again. */
    LOST("lost"),
    /** Closed by the window. */
    CLOSED("closed");

    private final String text;

    ConnectionState(String text) {
        this.text = text;
    }

    /** The word the navigator shows after the host's name. */
    public String text() {
        return text;
    }
}

package io.netcr.app.protocol;

import java.util.List;

/**
 * The agent protocol's fixed numbers (docs/agent.md): its version, and the bounds that keep either side from
 * being made to do unbounded work by the other.
 */
public final class Protocol {

    /** The protocol version this netcr speaks. A peer that speaks none of {@link #VERSIONS} is refused. */
    public static final int VERSION = 1;

    /** Every version this netcr speaks, newest first. */
    public static final List<Integer> VERSIONS = List.of(VERSION);

    /** Marks the agent's hello line, so that a client can tell it from what a remote shell prints first. */
    public static final String AGENT_MARK = "netcr";

    /** The longest line either side accepts, newline excluded: a data line and its envelope fit well within. */
    public static final int MAX_LINE = 1 << 20;

    /** Raw bytes in one data message (base64 makes 64 KiB of them). */
    public static final int CHUNK_BYTES = 48 * 1024;

    /** The largest payload (an image) one request carries: the image format's own limit. */
    public static final long MAX_PAYLOAD = 256L << 20;

    /** The longest text field other than data and diagnostics' messages (a path name's PATH_MAX). */
    public static final int MAX_TEXT = 4096;

    /** The most elements in one list or object of a message. */
    public static final int MAX_ITEMS = 65536;

    /** How deep objects and lists nest in a message. */
    public static final int MAX_DEPTH = 16;

    /** Requests one connection may have running at once. */
    public static final int MAX_RUNNING = 8;

    /** The highest request id: ids are JSON numbers, exact in every JSON reader up to 2^53. */
    public static final long MAX_ID = (1L << 53) - 1;

    private Protocol() {
    }

    /** The newest version both sides speak, or -1 when there is none. */
    public static int common(List<Integer> theirs) {
        for (int v : VERSIONS) {
            if (theirs.contains(v)) {
                return v;
            }
        }
        return -1;
    }
}

package io.netcr.app.hosts;

import java.util.List;

/**
 * Who a host is, as its agent's hello says (or this process reads, for {@link LocalHost}).
 *
 * @param label        how netcr names the host in messages: "this host", or what was given to connect ("web2")
 * @param hostname     the kernel's host name
 * @param kernel       the kernel release
 * @param uid          the user the work runs as (0: root), -1 when unknown
 * @param netcr        the netcr version there
 * @param protocol     the protocol version spoken (0 in process)
 * @param capabilities the requests the agent serves
 */
public record HostInfo(String label, String hostname, String kernel, long uid, String netcr, int protocol,
                       List<String> capabilities) {

    public HostInfo {
        capabilities = List.copyOf(capabilities);
    }

    public boolean isRoot() {
        return uid == 0;
    }
}

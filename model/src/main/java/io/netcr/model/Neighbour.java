package io.netcr.model;

import java.util.List;
import java.util.Objects;

/**
 * A neighbour entry (ARP for IPv4, NDP for IPv6) of a device, in iproute2's words ({@code ip neigh}).
 * A checkpoint keeps a namespace's permanent ones ({@link NamespaceState#neighbours()}); a snapshot holds none.
 * The rtnetlink mapping makes these for every reader, so that they need no words of their own.
 *
 * @param family  "inet" or "inet6"
 * @param address the neighbour's IP address, canonical text
 * @param device  the device it is reached through (its name, or {@code #IFINDEX} when the name is unknown)
 * @param lladdr  its link-layer address, lower case with colons, or null when none is known (yet)
 * @param states  NUD_* states as {@code ip neigh} prints them ("PERMANENT", "REACHABLE", "STALE", ...)
 * @param flags   NTF_* flags as iproute2 prints them ("router", "proxy", "extern_learn", ...)
 */
public record Neighbour(String family, String address, String device, String lladdr, List<String> states,
                        List<String> flags) {

    public Neighbour {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(device, "device");
        states = states == null ? List.of() : List.copyOf(states);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** An entry made by an administrator ({@code ip neigh add ... nud permanent}), which the kernel never ages. */
    public boolean isPermanent() {
        return states.contains("PERMANENT");
    }

    /** In {@code ip neigh} words and order: {@code 10.250.0.2 dev veth0 lladdr aa:bb:cc:dd:ee:ff router PERMANENT}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(address).append(" dev ").append(device);
        if (lladdr != null) {
            sb.append(" lladdr ").append(lladdr);
        }
        for (String flag : flags) {
            sb.append(' ').append(flag);
        }
        for (String state : states) {
            sb.append(' ').append(state);
        }
        return sb.toString();
    }
}

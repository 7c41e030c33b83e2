package io.netcr.model.checkpoint;

import java.util.Objects;

/**
 * A policy routing rule of a namespace, in iproute2's words ({@code ip rule show}): what a checkpoint
 * does not save and so reports (see {@link UnsavedRoutingWarnings}).
 *
 * @param family   "inet" or "inet6"
 * @param priority its preference ({@code pref}), 0 to 2^32-1
 * @param selector what it matches: {@code from all}, {@code from 10.250.1.0/24 iif eth0}, {@code not to ...}
 * @param action   what it does: {@code lookup 100}, {@code goto 200}, {@code blackhole}, ...
 */
public record PolicyRule(String family, long priority, String selector, String action) {

    public PolicyRule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(action, "action");
    }

    /**
     * One of the rules every new namespace has (IPv4: 0 lookup local, 32766 main, 32767 default; IPv6:
     * 0 local, 32766 main): a restore gets them back from the kernel, so they are not worth a word.
     */
    public boolean isKernelDefault() {
        if (!"from all".equals(selector)) {
            return false;
        }
        return priority == 0 && "lookup local".equals(action)
                || priority == 32766 && "lookup main".equals(action)
                || priority == 32767 && "lookup default".equals(action) && "inet".equals(family);
    }

    /** As {@code ip rule show} prints it, with the family for IPv6: {@code pref 100: from all lookup 100 (IPv6)}. */
    public String describe() {
        return "pref " + priority + ": " + selector + " " + action + ("inet6".equals(family) ? " (IPv6)" : "");
    }
}

package io.netcr.model.diff;

/**
 * What a diff leaves out. Objects are never matched by ifindex, whatever these say.
 *
 * @param ignoreKernelRoutes       leave out routes with protocol "kernel": the kernel makes them for every
 *                                 address, and a restore does not create them itself
 * @param ignoreIfindex            do not report a device whose ifindex differs (the default: ifindexes
 *                                 are per host and per namespace; CRIU keeps them, netcr's restore may not)
 * @param ignoreOperstate          do not compare operstate: it follows carrier, which differs right after
 *                                 a restore (a veth whose peer is not up yet is "lowerlayerdown")
 * @param ignoreMac                do not compare MAC addresses: a restore into new veths may not keep them
 * @param ignoreLinkLocal          leave out IPv6 link-local addresses (fe80::/10) and their routes: the
 *                                 kernel derives them from the MAC
 * @param ignoreTransientFlags     do not compare the address flags that change with time ("tentative",
 *                                 "dadfailed", "deprecated", "optimistic")
 * @param ignoreProperties         do not compare {@code properties} maps (sources record different extras:
 *                                 CRIU's sysctls are not in a live snapshot)
 */
public record DiffOptions(boolean ignoreKernelRoutes, boolean ignoreIfindex, boolean ignoreOperstate,
                          boolean ignoreMac, boolean ignoreLinkLocal, boolean ignoreTransientFlags,
                          boolean ignoreProperties) {

    /** Every field compared except ifindex; properties included. */
    public static final DiffOptions EXACT = new DiffOptions(false, true, false, false, false, false, false);

    /** The default of {@code netcr diff}: exact, except properties, which only some sources record. */
    public static final DiffOptions DEFAULT = new DiffOptions(false, true, false, false, false, false, true);

    /**
     * What a restore is held to: everything a restore sets, nothing the kernel makes or that follows
     * from time or carrier (kernel routes, operstate, link-local addresses, transient flags, properties).
     * MACs are compared: netcr's restore sets them.
     */
    public static final DiffOptions AFTER_RESTORE = new DiffOptions(true, true, true, false, true, true, true);

    public static DiffOptions defaults() {
        return DEFAULT;
    }

    public DiffOptions withIgnoreKernelRoutes(boolean v) {
        return new DiffOptions(v, ignoreIfindex, ignoreOperstate, ignoreMac, ignoreLinkLocal, ignoreTransientFlags,
                ignoreProperties);
    }

    public DiffOptions withIgnoreIfindex(boolean v) {
        return new DiffOptions(ignoreKernelRoutes, v, ignoreOperstate, ignoreMac, ignoreLinkLocal, ignoreTransientFlags,
                ignoreProperties);
    }

    public DiffOptions withIgnoreOperstate(boolean v) {
        return new DiffOptions(ignoreKernelRoutes, ignoreIfindex, v, ignoreMac, ignoreLinkLocal, ignoreTransientFlags,
                ignoreProperties);
    }

    public DiffOptions withIgnoreMac(boolean v) {
        return new DiffOptions(ignoreKernelRoutes, ignoreIfindex, ignoreOperstate, v, ignoreLinkLocal,
                ignoreTransientFlags, ignoreProperties);
    }

    public DiffOptions withIgnoreLinkLocal(boolean v) {
        return new DiffOptions(ignoreKernelRoutes, ignoreIfindex, ignoreOperstate, ignoreMac, v, ignoreTransientFlags,
                ignoreProperties);
    }

    public DiffOptions withIgnoreTransientFlags(boolean v) {
        return new DiffOptions(ignoreKernelRoutes, ignoreIfindex, ignoreOperstate, ignoreMac, ignoreLinkLocal, v,
                ignoreProperties);
    }

    public DiffOptions withIgnoreProperties(boolean v) {
        return new DiffOptions(ignoreKernelRoutes, ignoreIfindex, ignoreOperstate, ignoreMac, ignoreLinkLocal,
                ignoreTransientFlags, v);
    }
}

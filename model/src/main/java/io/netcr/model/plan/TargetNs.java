package io.netcr.model.plan;

/**
 * Where a restore step acts: a namespace the restore creates (by its new name), or the restorer's own
 * namespace (name null), where the outside halves of veth pairs go, as in the seed.
 */
public record TargetNs(String name) {

    public static final TargetNs RESTORER = new TargetNs(null);

    public boolean isRestorer() {
        return name == null;
    }

    /** The {@code ip -n NAME} prefix of the iproute2 equivalent, empty for the restorer's namespace. */
    String ipPrefix() {
        return name == null ? "ip" : "ip -n " + name;
    }

    @Override
    public String toString() {
        return name == null ? "(restorer's namespace)" : name;
    }
}

package io.netcr.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A network namespace.
 *
 * @param id         a stable identity within the snapshot: {@code nsfs:INODE} for a live namespace, any
 *                   unique text for one read from a file
 * @param names      every name it is known by (/run/netns names, Docker's, bind-mount paths), sorted
 * @param holders    processes that hold it open, by pid
 * @param init       true for the restorer's own namespace (the one not part of a checkpointed set)
 * @param devices    its devices, by ifindex
 * @param routes     its routes: the main table's in a snapshot, every table's in a checkpoint (each names its table)
 * @param properties what else a source recorded that the model has no field for (CRIU sysctls, ...)
 * @param state      what a checkpoint records beyond devices and routes (rules, neighbours, sysctls,
 *                   firewall); null where it was not read: live snapshots, CRIU, older images
 */
public record Namespace(String id, List<String> names, List<Holder> holders, boolean init, List<Device> devices,
                        List<Route> routes, Map<String, String> properties, NamespaceState state) {

    public Namespace {
        Objects.requireNonNull(id, "id");
        names = names == null ? List.of() : List.copyOf(names);
        holders = holders == null ? List.of() : List.copyOf(holders);
        devices = devices == null ? List.of() : List.copyOf(devices);
        routes = routes == null ? List.of() : List.copyOf(routes);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A namespace whose state beyond devices and routes was not read (a snapshot). */
    public Namespace(String id, List<String> names, List<Holder> holders, boolean init, List<Device> devices,
                     List<Route> routes, Map<String, String> properties) {
        this(id, names, holders, init, devices, routes, properties, null);
    }

    public Namespace(String id, List<String> names, boolean init, List<Device> devices) {
        this(id, names, List.of(), init, devices, List.of(), Map.of());
    }

    /** The label of an unnamed init namespace: what {@code ip netns} users call "the host" namespace. */
    public static final String INIT_LABEL = "init";

    /**
     * How people call it: its first name, else "init" for the init namespace, else {@code pid:N} of its
     * first holder, else its id. Subject paths name namespaces by label.
     */
    public String label() {
        if (!names.isEmpty()) {
            return names.get(0);
        }
        if (init) {
            return INIT_LABEL;
        }
        if (!holders.isEmpty()) {
            return "pid:" + holders.get(0).pid();
        }
        return id;
    }

    public Optional<Device> device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Device> device(int ifindex) {
        return devices.stream().filter(d -> d.ifindex() == ifindex).findFirst();
    }

    public Namespace withDevices(List<Device> newDevices) {
        return new Namespace(id, names, holders, init, newDevices, routes, properties, state);
    }

    public Namespace withRoutes(List<Route> newRoutes) {
        return new Namespace(id, names, holders, init, devices, newRoutes, properties, state);
    }

    public Namespace withState(NamespaceState newState) {
        return new Namespace(id, names, holders, init, devices, routes, properties, newState);
    }

    /** Whether a checkpoint recorded its state beyond devices and routes. */
    public boolean hasState() {
        return state != null;
    }
}

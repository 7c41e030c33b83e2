package io.netcr.app.services;

import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.checkpoint.CheckpointSelector;
import io.netcr.model.checkpoint.CheckpointStates;
import io.netcr.model.checkpoint.NamespaceReading;
import io.netcr.model.image.ImageWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoint as the command line and the workbench both do it: read the host, select the namespaces
 * ({@link CheckpointSelector}), read their state beyond a snapshot (rules, every table, neighbours, sysctls,
 * firewall; {@link CheckpointStates}), write the image atomically ({@link ImageWriter}). Plain Java, no UI.
 */
public final class CheckpointService {

    private CheckpointService() {
    }

    /** A fresh snapshot of every namespace of this host (so that veth peers resolve). */
    public static Snapshot readHost() throws IOException {
        try (LiveDiscovery discovery = HostDiscovery.open()) {
            return discovery.snapshot();
        }
    }

    /**
     * The whole checkpoint but the write, as {@code netcr checkpoint} and the workbench do it: read the host,
     * select, then ask the kernel (on the same discovery's sockets and descriptors, before it closes) for what
     * each namespace of the set holds beyond a snapshot, and record it ({@link CheckpointStates}: its state in the
     * image; conntrack entries, qdiscs and sockets as warnings the image keeps; a ruleset libnftables would not
     * load again refuses the checkpoint). Nothing is asked when the selection is refused.
     */
    public static CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options)
            throws IOException {
        return checkpoint(specs, all, options, new LinkedHashMap<>());
    }

    /**
     * {@link #checkpoint(List, boolean, CheckpointOptions)}, putting the milliseconds of each phase into
     * {@code timings} in order: discovery's snapshot and state phases ({@link LiveDiscovery#lastTimings}), the
     * selection and the recording of the state.
     */
    public static CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options,
                                              Map<String, Double> timings) throws IOException {
        try (LiveDiscovery discovery = HostDiscovery.open()) {
            Snapshot live = discovery.snapshot();
            long t0 = System.nanoTime();
            CheckpointResult result = select(live, specs, all, options);
            double selectMs = (System.nanoTime() - t0) / 1e6;
            if (result.image() == null) {
                timings.putAll(discovery.lastTimings());
                timings.put("select", selectMs);
                return result;
            }
            List<Namespace> set = result.image().namespaces().stream().filter(n -> !n.init()).toList();
            List<NamespaceReading> readings = discovery.checkpointState(set);
            long t1 = System.nanoTime();
            CheckpointResult out = CheckpointStates.apply(result, readings, options);
            timings.putAll(discovery.lastTimings());
            timings.put("select", selectMs);
            timings.put("record", (System.nanoTime() - t1) / 1e6);
            return out;
        }
    }

    /** The image for these namespaces (by name, nsfs:INODE or pid:PID; all but init when {@code all}). */
    public static CheckpointResult select(Snapshot live, List<String> specs, boolean all, CheckpointOptions options) {
        return CheckpointSelector.select(live, all ? List.of() : specs, all, options);
    }

    /** Writes the image atomically: a temporary file, then a rename; nothing is left on failure. */
    public static void write(Snapshot image, Path output) throws IOException {
        ImageWriter.write(image, output);
    }

    /** Namespaces of the image other than the init one's record. */
    public static long namespaceCount(Snapshot image) {
        return image.namespaces().stream().filter(n -> !n.init()).count();
    }

    /** "checkpointed 2 namespaces (5 devices) into FILE". */
    public static String summary(Snapshot image, Path output) {
        long namespaces = namespaceCount(image);
        long devices = image.namespaces().stream().mapToLong(n -> n.devices().size()).sum();
        return "checkpointed " + namespaces + (namespaces == 1 ? " namespace" : " namespaces") + " (" + devices
                + (devices == 1 ? " device" : " devices") + ") into " + output;
    }
}

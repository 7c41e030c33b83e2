package io.netcr.model.image;

import io.netcr.model.AtomicFiles;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes a snapshot as a .netcr image (docs/image-format.md). The output depends only on the snapshot:
 * records follow the snapshot's own list order and objrefs are numbered in that order, so equal
 * snapshots give identical bytes. The source's kind and path are not written (a reader knows where it
 * read from).
 *
 * <p>A snapshot the format cannot carry (an unknown address flag, a master that is not a device of the
 * same namespace, an address that is not an IP literal, text over 65534 bytes) is refused with
 * IllegalArgumentException instead of being written differently from what it says.
 */
public final class ImageWriter {

    private ImageWriter() {
    }

    public static byte[] toBytes(Snapshot s) {
        Objects.requireNonNull(s, "snapshot");
        ObjRefs refs = new ObjRefs(s);
        Stream out = new Stream();
        int initRef = 0;
        for (int n = 0; n < s.namespaces().size() && initRef == 0; n++) {
            initRef = s.namespaces().get(n).init() ? refs.namespace(n) : 0;
        }
        out.record(ImageFormat.TYPE_SOURCE, RecordEncoder.source(s.source(), initRef));
        for (int n = 0; n < s.namespaces().size(); n++) {
            out.record(ImageFormat.TYPE_NAMESPACE, RecordEncoder.namespace(s.namespaces().get(n), refs.namespace(n)));
        }
        for (int n = 0; n < s.namespaces().size(); n++) {
            Namespace ns = s.namespaces().get(n);
            for (int i = 0; i < ns.devices().size(); i++) {
                Device d = ns.devices().get(i);
                int master = d.master() == null ? 0 : refs.master(n, d.master());
                if (master == 0 && d.master() != null) {
                    throw new IllegalArgumentException("device " + d.name() + ": master '" + d.master()
                            + "' is not a device of namespace " + ns.id());
                }
                out.record(ImageFormat.TYPE_DEVICE, RecordEncoder.device(d, refs.device(n, i), refs.namespace(n),
                        master, refs.of(d.peer()), refs.of(d.parent())));
            }
        }
        for (int n = 0; n < s.namespaces().size(); n++) {
            Namespace ns = s.namespaces().get(n);
            for (int i = 0; i < ns.devices().size(); i++) {
                Device d = ns.devices().get(i);
                if (!d.config().isEmpty()) {
                    out.record(ImageFormat.TYPE_LINK, ImageFormat.FLAG_SKIPPABLE, RecordEncoder.link(d.config(),
                            refs.device(n, i)));
                }
            }
        }
        for (int n = 0; n < s.namespaces().size(); n++) {
            Namespace ns = s.namespaces().get(n);
            for (int i = 0; i < ns.devices().size(); i++) {
                Device d = ns.devices().get(i);
                if (!d.addresses().isEmpty()) {
                    out.record(ImageFormat.TYPE_ADDRESSES, RecordEncoder.addresses(d.addresses(), refs.device(n, i)));
                }
            }
        }
        for (int n = 0; n < s.namespaces().size(); n++) {
            Namespace ns = s.namespaces().get(n);
            if (!ns.routes().isEmpty()) {
                out.record(ImageFormat.TYPE_ROUTES, RecordEncoder.routes(ns.routes(), refs.namespace(n)));
            }
        }
        for (int n = 0; n < s.namespaces().size(); n++) {
            Namespace ns = s.namespaces().get(n);
            if (ns.hasState()) {
                writeState(out, ns, n, refs);
            }
        }
        for (Diagnostic d : s.diagnostics()) {
            out.record(ImageFormat.TYPE_DIAGNOSTIC, RecordEncoder.diagnostic(d));
        }
        return out.finish();
    }

    /**
     * A namespace's state records (version 2): STATE, then RULES, NEIGHBOURS, SYSCTLS, a DEVICE_SYSCTLS per
     * device with keys, FIREWALL; empty lists are not written. Sysctls of a device the namespace does not have
     * cannot be written (no objref names it).
     */
    private static void writeState(Stream out, Namespace ns, int n, ObjRefs refs) {
        NamespaceState st = ns.state();
        int ref = refs.namespace(n);
        out.record(ImageFormat.TYPE_STATE, StateRecords.state(ref));
        if (!st.rules().isEmpty()) {
            out.record(ImageFormat.TYPE_RULES, StateRecords.rules(st.rules(), ref));
        }
        if (!st.neighbours().isEmpty()) {
            out.record(ImageFormat.TYPE_NEIGHBOURS, StateRecords.neighbours(st.neighbours(), ref));
        }
        if (!st.sysctls().isEmpty()) {
            out.record(ImageFormat.TYPE_SYSCTLS, StateRecords.sysctls(st.sysctls(), ref));
        }
        for (Map.Entry<String, Map<String, String>> e : st.deviceSysctls().entrySet()) {
            int dev = refs.master(n, e.getKey());
            if (dev == 0) {
                throw new IllegalArgumentException("namespace " + ns.id() + ": sysctls of device '" + e.getKey()
                        + "', which it does not have");
            }
            if (!e.getValue().isEmpty()) {
                out.record(ImageFormat.TYPE_DEVICE_SYSCTLS, StateRecords.sysctls(e.getValue(), dev));
            }
        }
        if (st.firewall() != null) {
            out.record(ImageFormat.TYPE_FIREWALL, StateRecords.firewall(st.firewall(), ref));
        }
    }

    /** Writes atomically: the old file, if any, stays whole until the new one is complete on disk. */
    public static void write(Snapshot s, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(s));
    }

    /**
     * Objrefs by position: 1..N for the namespaces, then the devices in order. By position and not by
     * object, because a snapshot may hold the same (equal, or even identical) record twice.
     */
    private static final class ObjRefs {
        private final Map<String, Integer> namespaceById = new HashMap<>();
        private final int[] firstDevice;
        /** Per namespace: the first device's position by ifindex and by name. */
        private final List<Map<Integer, Integer>> byIndex = new ArrayList<>();
        private final List<Map<String, Integer>> byName = new ArrayList<>();
        private final Snapshot s;

        ObjRefs(Snapshot s) {
            this.s = s;
            firstDevice = new int[s.namespaces().size()];
            int next = s.namespaces().size() + 1;
            for (int n = 0; n < firstDevice.length; n++) {
                Namespace ns = s.namespaces().get(n);
                namespaceById.putIfAbsent(ns.id(), n); // the first namespace with an id is the one readers resolve to
                firstDevice[n] = next;
                next += ns.devices().size();
                Map<Integer, Integer> indexes = new HashMap<>();
                Map<String, Integer> names = new HashMap<>();
                for (int i = 0; i < ns.devices().size(); i++) {
                    indexes.putIfAbsent(ns.devices().get(i).ifindex(), i);
                    names.putIfAbsent(ns.devices().get(i).name(), i);
                }
                byIndex.add(indexes);
                byName.add(names);
            }
        }

        int namespace(int n) {
            return n + 1;
        }

        int device(int n, int i) {
            return firstDevice[n] + i;
        }

        /** The first device of namespace n with this name, or 0. */
        int master(int n, String name) {
            Integer i = byName.get(n).get(name);
            return i == null ? 0 : device(n, i);
        }

        /**
         * The objref of the device a reference names, when it is in the image and the reference says
         * exactly what that device is (so reading it back gives the same reference); else 0 and the
         * reference is written out in full.
         */
        int of(DeviceRef r) {
            if (r == null || !r.isResolved()) {
                return 0;
            }
            Integer n = namespaceById.get(r.namespace());
            Integer i = n == null ? null : byIndex.get(n).get(r.ifindex());
            if (i == null || !s.namespaces().get(n).devices().get(i).name().equals(r.name())) {
                return 0;
            }
            return device(n, i);
        }
    }

    /** The header, the records, and the trailer with the record count and the CRC32C. */
    private static final class Stream {
        private final ByteSink sink = new ByteSink();
        private int records;

        Stream() {
            sink.bytes(ImageFormat.MAGIC).u16(ImageFormat.VERSION).u16(0);
        }

        void record(int type, byte[] body) {
            record(type, 0, body);
        }

        void record(int type, int flags, byte[] body) {
            if (body.length > ImageFormat.MAX_BODY) {
                throw new IllegalArgumentException(ImageFormat.typeName(type) + " record of " + body.length
                        + " bytes is over the format's limit of " + ImageFormat.MAX_BODY);
            }
            sink.u16(type).u16(flags).u32(body.length).bytes(body);
            records++;
        }

        byte[] finish() {
            sink.u16(ImageFormat.TYPE_TRAILER).u16(0).u32(ImageFormat.TRAILER_BODY_SIZE).u32(records);
            CRC32C crc = new CRC32C();
            byte[] before = sink.toByteArray();
            crc.update(before, 0, before.length);
            sink.u32(crc.getValue());
            return sink.toByteArray();
        }
    }
}

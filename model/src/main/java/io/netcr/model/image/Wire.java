package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Holder;
import io.netcr.model.LinkConfig;
import io.netcr.model.Route;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records as decoded from the image, before their objrefs are checked and resolved into the model.
 * Each keeps its {@link Frame} so that later problems can say where in the file they came from.
 */
final class Wire {

    private Wire() {
    }

    record SourceRec(Frame frame, int initRef, String host, String kernel, Instant time, String tool) {
    }

    record NamespaceRec(Frame frame, int ref, String id, boolean init, List<String> names, List<Holder> holders,
                        Map<String, String> properties) {
    }

    /** A peer or parent: tag REF_NONE, REF_OBJECT (objref), REF_EXTERNAL (namespace, ifindex, name), REF_UNRESOLVED. */
    record RefRec(int tag, int objref, String namespace, int ifindex, String name) {
        static final RefRec NONE = new RefRec(ImageFormat.REF_NONE, 0, null, 0, null);
    }

    record DeviceRec(Frame frame, int ref, int nsRef, int ifindex, String name, String kind, String mac, int mtu,
                     boolean up, boolean skipped, String operstate, int masterRef, RefRec peer, RefRec parent,
                     Map<String, String> properties) {
    }

    /** A LINK record: the settings of the device {@code deviceRef}. */
    record LinkRec(Frame frame, int deviceRef, LinkConfig config) {
    }

    record AddressesRec(Frame frame, int deviceRef, List<Address> addresses) {
    }

    record RoutesRec(Frame frame, int nsRef, List<Route> routes) {
    }
}

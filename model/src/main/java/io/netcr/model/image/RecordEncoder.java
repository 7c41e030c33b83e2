package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Holder;
import io.netcr.model.IfaFlags;
import io.netcr.model.IpText;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.RtScope;
import io.netcr.model.Source;

import java.time.Instant;
import java.util.List;

/**
 * Encodes the body of each record type. Layouts are documented in docs/image-format.md; keep the two
 * in step. Anything the format cannot carry is refused with IllegalArgumentException rather than
 * silently changed, so that what is read back is what was written.
 */
final class RecordEncoder {

    private RecordEncoder() {
    }

    static byte[] source(Source src, int initRef) {
        ByteSink b = new ByteSink().u32(initRef).string(src.host()).string(src.kernel());
        Instant t = src.time();
        if (t == null) {
            b.u8(0);
        } else {
            b.u8(1).i64(t.getEpochSecond()).u32(t.getNano());
        }
        return b.string(src.tool()).toByteArray();
    }

    static byte[] namespace(Namespace ns, int ref) {
        ByteSink b = new ByteSink().u32(ref).string(ns.id()).u8(ns.init() ? ImageFormat.NS_INIT : 0);
        b.u32(ns.names().size());
        ns.names().forEach(b::string);
        b.u32(ns.holders().size());
        for (Holder h : ns.holders()) {
            b.u32(h.pid()).string(h.command());
        }
        return b.properties(ns.properties()).toByteArray();
    }

    /** {@code peer} and {@code parent} are already resolved to objrefs by the writer (0: not in the image). */
    static byte[] device(Device d, int ref, int nsRef, int masterRef, int peerRef, int parentRef) {
        ByteSink b = new ByteSink().u32(ref).u32(nsRef).u32(d.ifindex()).string(d.name()).string(d.kind());
        byte[] mac = mac(d);
        b.u8(mac.length).bytes(mac);
        b.u32(d.mtu()).u8((d.up() ? ImageFormat.DEV_UP : 0) | (d.skipped() ? ImageFormat.DEV_SKIPPED : 0));
        b.string(d.operstate()).u32(masterRef);
        deviceRef(b, d.peer(), peerRef);
        deviceRef(b, d.parent(), parentRef);
        return b.properties(d.properties()).toByteArray();
    }

    private static void deviceRef(ByteSink b, DeviceRef r, int objref) {
        if (r == null) {
            b.u8(ImageFormat.REF_NONE);
        } else if (objref != 0) {
            b.u8(ImageFormat.REF_OBJECT).u32(objref);
        } else if (r.isResolved()) {
            b.u8(ImageFormat.REF_EXTERNAL).string(r.namespace()).u32(r.ifindex()).string(r.name());
        } else {
            b.u8(ImageFormat.REF_UNRESOLVED).u32(r.ifindex()).string(r.name());
        }
    }

    private static byte[] mac(Device d) {
        if (d.mac() == null) {
            return new byte[0];
        }
        if (!d.mac().matches("[0-9a-f]{2}(:[0-9a-f]{2}){0,31}")) {
            throw new IllegalArgumentException("device " + d.name() + ": hardware address '" + d.mac()
                    + "' is not lower-case hex bytes joined by ':'");
        }
        String[] parts = d.mac().split(":");
        byte[] mac = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            mac[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return mac;
    }

    /** A device's {@link LinkConfig}: its objref, the address generation mode (0xFF: unknown), its settings. */
    static byte[] link(LinkConfig c, int devRef) {
        int mode = c.addrGenMode() == null ? ImageFormat.ADDR_GEN_MODE_UNKNOWN
                : LinkConfig.ADDR_GEN_MODES.indexOf(c.addrGenMode());
        if (mode < 0) {
            throw new IllegalArgumentException("address generation mode '" + c.addrGenMode() + "' is not one of "
                    + LinkConfig.ADDR_GEN_MODES);
        }
        return new ByteSink().u32(devRef).u8(mode).properties(c.data()).toByteArray();
    }

    static byte[] addresses(List<Address> addresses, int devRef) {
        ByteSink b = new ByteSink().u32(devRef).u32(addresses.size());
        for (Address a : addresses) {
            int af = Codes.family(a.family());
            byte[] raw = IpText.parse(a.address()).filter(x -> x.length == IpText.length(a.family()))
                    .orElseThrow(() -> new IllegalArgumentException("'" + a.address() + "' is not an " + a.family()
                            + " address"));
            if (a.prefixlen() < 0 || a.prefixlen() > 255) {
                throw new IllegalArgumentException("prefix length " + a.prefixlen() + " does not fit a byte");
            }
            int scope = RtScope.number(a.scope())
                    .orElseThrow(() -> new IllegalArgumentException("scope '" + a.scope() + "' is not a scope"));
            b.u8(af).u8(raw.length).bytes(raw).u8(a.prefixlen()).u8(scope).u32(IfaFlags.bits(a.flags()))
                    .string(a.label());
        }
        return b.toByteArray();
    }

    static byte[] routes(List<Route> routes, int nsRef) {
        ByteSink b = new ByteSink().u32(nsRef).u32(routes.size());
        for (Route r : routes) {
            b.u8(Codes.family(r.family())).string(r.destination()).string(r.gateway()).string(r.device())
                    .u32(r.metric()).string(r.protocol()).string(r.scope()).string(r.type()).string(r.prefsrc());
            // version 2: table, tos, flags, preference, metrics
            if (r.tos() < 0 || r.tos() > 255) {
                throw new IllegalArgumentException("route " + r.destination() + ": tos " + r.tos() + " does not fit a byte");
            }
            b.string(r.table()).u8(r.tos()).u32(Codes.routeFlags(r.flags())).string(r.pref()).properties(r.metrics());
        }
        return b.toByteArray();
    }

    static byte[] diagnostic(Diagnostic d) {
        return new ByteSink().u32(d.code().number()).string(d.code().name()).u8(Codes.severity(d.severity()))
                .u8(Codes.phase(d.phase())).string(d.subject().toString()).string(d.message())
                .string(d.kernelMessage()).toByteArray();
    }
}

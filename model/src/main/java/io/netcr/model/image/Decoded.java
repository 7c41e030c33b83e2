package io.netcr.model.image;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;

import java.util.ArrayList;
import java.util.List;

/** Every record of an image that could be decoded, by type, in file order. */
final class Decoded {
    final List<Wire.SourceRec> sources = new ArrayList<>();
    final List<Wire.NamespaceRec> namespaces = new ArrayList<>();
    final List<Wire.DeviceRec> devices = new ArrayList<>();
    final List<Wire.AddressesRec> addresses = new ArrayList<>();
    final List<Wire.RoutesRec> routes = new ArrayList<>();
    final List<Wire.LinkRec> links = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** The records of namespaces' state (version 2). */
    final StateRecords.Found state = new StateRecords.Found();

    /**
     * Decodes each framed record by its type. A record that cannot be decoded is reported and lost; an
     * unknown type is skipped, quietly (info) when it is marked skippable, as an error when it is not.
     */
    static Decoded decode(byte[] image, List<Frame> frames, int version, ReadLog log) {
        Decoded d = new Decoded();
        for (Frame f : frames) {
            try {
                switch (f.type()) {
                    case ImageFormat.TYPE_SOURCE -> d.sources.add(RecordDecoder.source(image, f));
                    case ImageFormat.TYPE_NAMESPACE -> d.namespaces.add(RecordDecoder.namespace(image, f));
                    case ImageFormat.TYPE_DEVICE -> d.devices.add(RecordDecoder.device(image, f));
                    case ImageFormat.TYPE_ADDRESSES -> d.addresses.add(ListDecoder.addresses(image, f, log));
                    case ImageFormat.TYPE_ROUTES -> d.routes.add(ListDecoder.routes(image, f, version, log));
                    case ImageFormat.TYPE_DIAGNOSTIC -> d.diagnostics.add(RecordDecoder.diagnostic(image, f));
                    case ImageFormat.TYPE_LINK -> d.links.add(RecordDecoder.link(image, f));
                    default -> {
                        if (version >= 2 && StateRecords.isStateType(f.type())) {
                            StateRecords.decode(image, f, d.state, log);
                        } else {
                            unknown(f, log);
                        }
                    }
                }
            } catch (ImageDamage e) {
                log.damage(e.code(), f, e.getMessage() + "; the record is lost");
            }
        }
        return d;
    }

    private static void unknown(Frame f, ReadLog log) {
        if ((f.flags() & ImageFormat.FLAG_SKIPPABLE) != 0) {
            log.info(Errno.ENOSYS, ReadLog.record(f.index()), ReadLog.where(f)
                    + "unknown record type, marked skippable: skipped (" + (f.bodyEnd() - f.bodyStart()) + " bytes)");
        } else {
            log.damage(Errno.ENOSYS, f, "unknown record type, not marked skippable: this reader cannot tell what"
                    + " it would lose by skipping it");
        }
    }
}

package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Severity;
import java.util.List;

/** The small enumerations of the format, as fixed numbers that do not move when a Java enum does. */
final class Codes {

    private static final Severity[] SEVERITIES = {Severity.ERROR, Severity.WARNING, Severity.INFO};
    private static final Phase[] PHASES = {Phase.READ, Phase.SNAPSHOT, Phase.CHECKPOINT, Phase.RESTORE, Phase.DIFF};

    private Codes() {
    }

    static int severity(Severity s) {
        return indexOf(SEVERITIES, s);
    }

    static Severity severity(int code) {
        return code < SEVERITIES.length ? SEVERITIES[code] : null;
    }

    static int phase(Phase p) {
        return indexOf(PHASES, p);
    }

    static Phase phase(int code) {
        return code < PHASES.length ? PHASES[code] : null;
    }

    /** AF_INET or AF_INET6 for a model family; throws for any other. */
    static int family(String family) {
        if (Address.INET.equals(family)) {
            return ImageFormat.AF_INET;
        }
        if (Address.INET6.equals(family)) {
            return ImageFormat.AF_INET6;
        }
        throw new IllegalArgumentException("the image holds inet and inet6 only, not '" + family + "'");
    }

    /** The model family of AF_INET/AF_INET6, or null. */
    static String family(int af) {
        return af == ImageFormat.AF_INET ? Address.INET : af == ImageFormat.AF_INET6 ? Address.INET6 : null;
    }

    /** Route flag bits (version 2): bit 0 onlink. */
    static final int ROUTE_ONLINK = 0x1;

    /** The bits of a route's flag words; throws for a word the format has no bit for. */
    static int routeFlags(List<String> words) {
        int bits = 0;
        for (String w : words) {
            if (!Route.ONLINK.equals(w)) {
                throw new IllegalArgumentException("route flag '" + w + "' has no bit in the image format");
            }
            bits |= ROUTE_ONLINK;
        }
        return bits;
    }

    /** The words of route flag bits, or null when a bit is undefined. */
    static List<String> routeFlags(long bits) {
        if ((bits & ~ROUTE_ONLINK) != 0) {
            return null;
        }
        return (bits & ROUTE_ONLINK) != 0 ? List.of(Route.ONLINK) : List.of();
    }

    private static <T> int indexOf(T[] values, T v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException("no image code for " + v);
    }
}

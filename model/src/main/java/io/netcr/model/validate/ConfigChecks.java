package io.netcr.model.validate;

import io.netcr.model.Device;
import io.netcr.model.Errno;
import io.netcr.model.LinkConfig;
import io.netcr.model.SubjectPath;
import io.netcr.model.link.KindSpec;
import io.netcr.model.link.LinkKinds;
import java.util.List;
import java.util.Map;

/**
 * The checks of a device's {@link LinkConfig}: its address generation mode is one the kernel knows, and its
 * settings are its kind's ({@link KindSpec}), each in its type's canonical text. A setting netcr does not know
 * (a newer netcr's) is a warning: the image is readable, but a restore cannot set it, and says so when planned.
 */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void check(Device d, SubjectPath at, Findings f) {
        LinkConfig c = d.config();
        if (c.addrGenMode() != null && !LinkConfig.ADDR_GEN_MODES.contains(c.addrGenMode())) {
            f.error(Errno.EINVAL, at, "address generation mode '" + c.addrGenMode() + "' is not one of "
                    + String.join(", ", LinkConfig.ADDR_GEN_MODES));
        }
        if (c.data().isEmpty()) {
            return;
        }
        KindSpec spec = LinkKinds.spec(d.kind()).orElse(null);
        if (spec == null) {
            f.warning(Errno.ENOSYS, at, "netcr knows no settings of " + (d.kind().isEmpty() ? "devices without a kind"
                    : d.kind() + " devices") + " (" + String.join(", ", c.data().keySet()) + "); a restore cannot set them");
            return;
        }
        List<String> unknown = spec.unknownKeys(c.data());
        if (!unknown.isEmpty()) {
            f.warning(Errno.ENOSYS, at, "settings this netcr does not know for a " + d.kind() + ": "
                    + String.join(", ", unknown) + "; a restore cannot set them");
        }
        for (Map.Entry<String, String> bad : spec.badValues(c.data()).entrySet()) {
            f.error(Errno.EINVAL, at, d.kind() + " setting " + bad.getKey() + " is '" + c.data().get(bad.getKey())
                    + "'; it must be " + bad.getValue());
        }
    }
}

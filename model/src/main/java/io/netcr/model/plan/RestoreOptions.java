package io.netcr.model.plan;

import java.util.Map;

/**
 * What the operator asked of a restore.
 *
 * @param renames new names: {@code OLD=NEW} renames the namespace whose label is OLD; {@code dev:OLD=NEW}
 *                renames a device created in the restorer's namespace (the outside half of a veth)
 * @param prefix  put before every new namespace name and every device name created in the restorer's
 *                namespace, unless renamed; "" for none
 */
public record RestoreOptions(Map<String, String> renames, String prefix) {

    /** The key prefix that marks a device rename in {@link #renames()}. */
    public static final String DEVICE_KEY = "dev:";

    public RestoreOptions {
        renames = renames == null ? Map.of() : Map.copyOf(renames);
        prefix = prefix == null ? "" : prefix;
    }

    public static RestoreOptions none() {
        return new RestoreOptions(Map.of(), "");
    }
}

package io.netcr.model.plan;

import io.netcr.model.Device;
import io.netcr.model.SubjectPath;

/**
 * A device of the image with where, and under which name, the restore puts it.
 *
 * @param device  the image's device
 * @param ns      the namespace it goes to
 * @param name    its name there (an outside half may be renamed)
 * @param subject the image's path of it, for diagnostics
 */
record Placed(Device device, TargetNs ns, String name, SubjectPath subject) {
}

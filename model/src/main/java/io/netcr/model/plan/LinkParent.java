package io.netcr.model.plan;

/**
 * The device a created link sits on (a macvlan's, vlan's or ipvlan's lower device, a vxlan's or tunnel's
 * underlay): in a namespace the restore makes, or in the restorer's own namespace, where it is either an
 * outside half the restore makes first or a device the host has (its eth0), which the preflight checked.
 *
 * @param ns   where it is
 * @param name its name there (after renames)
 */
public record LinkParent(TargetNs ns, String name) {
}

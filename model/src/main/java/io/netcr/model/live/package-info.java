/**
 * The change stream of a followed host: {@link io.netcr.model.live.Delta}s (namespace, device, address,
 * route, rule × added, changed, removed) and {@link io.netcr.model.live.LiveUpdate}s that carry them with the
 * namespaces they change, so that a follower's snapshot stays equal to a fresh one. Made by the live monitor
 * (native-bridge), carried by the agent, applied by the command line and the workbench.
 */
package io.netcr.model.live;

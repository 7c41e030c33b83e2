/**
 * The one mapping from rtnetlink messages to the model's records: links to devices, addresses, routes,
 * policy rules, neighbours, qdiscs and nsids. Live discovery, the CRIU reader, restore's view of the host and the
 * live monitor all read the kernel's messages through here, so that the same bytes always become the same
 * records, in the same words (iproute2's).
 *
 * <p>Use: decode a message with {@link io.netcr.bridge.netlink.NetlinkMessages}, then give it to
 * {@link io.netcr.bridge.netlink.map.RtnlMapper} with the names of its namespace's devices
 * ({@link io.netcr.bridge.netlink.map.LinkNames}, ifindex → name). One message maps to one
 * {@link io.netcr.bridge.netlink.map.Mapped} result:
 * <ul>
 *   <li>{@code Value} — the record, with {@code removed()} true for an RTM_DEL* message: a reader of
 *       multicast notifications (the monitor) turns it straight into an added/changed or removed delta;</li>
 *   <li>{@code Ignored} — nothing the model holds (another family, an unknown message type): no error;</li>
 *   <li>{@code Damaged} — bytes that cannot be what the message says (an IPv4 address of 5 bytes, a
 *       prefix longer than its family): a sentence saying what, which the caller turns into a diagnostic
 *       on the object it was reading. Nothing here throws for a damaged message.</li>
 * </ul>
 * What one message cannot know is left to the caller: which namespace another namespace's nsid names (a
 * link's peer), and whether an ifindex it names vanished or never was (the mapping writes such a device
 * as {@code ifN}, as iproute2 does).
 */
package io.netcr.bridge.netlink.map;

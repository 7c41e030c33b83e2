package io.netcr.bridge.criu;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.map.IndexedAddress;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netlink.map.Mapped;
import io.netcr.bridge.netlink.map.MappedRoute;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.PolicyRule;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The model records of one kind of iproute2 save stream in a CRIU dump (ifaddr-N.img, route-N.img and
 * route6-N.img, rule-N.img): each message decoded by {@link NetlinkImage} and mapped by the one rtnetlink
 * mapping, exactly as live discovery maps the kernel's replies. A message of another type is skipped with
 * a warning, one the mapping calls damaged is an EBADMSG error naming it, one of another family is passed
 * over; the records of the others are read.
 *
 * @param <M> the message the stream holds
 * @param <T> the record it maps to
 */
final class SavedRecords<M extends NetlinkMessage, T> {

    static final SavedRecords<NetlinkMessage.Addr, IndexedAddress> ADDRESSES = new SavedRecords<>(
            NetlinkImage.IFADDR_MAGIC, NetlinkMessage.Addr.class, Nl.RTM_NEWADDR, "RTM_NEWADDR", "address",
            RtnlMapper::address);
    static final SavedRecords<NetlinkMessage.Route, MappedRoute> ROUTES = new SavedRecords<>(
            NetlinkImage.ROUTE_MAGIC, NetlinkMessage.Route.class, Nl.RTM_NEWROUTE, "RTM_NEWROUTE", "route",
            RtnlMapper::route);
    static final SavedRecords<NetlinkMessage.Rule, PolicyRule> RULES = new SavedRecords<>(
            NetlinkImage.RULE_MAGIC, NetlinkMessage.Rule.class, Nl.RTM_NEWRULE, "RTM_NEWRULE", "rule",
            (m, names) -> RtnlMapper.rule(m));

    private final int magic;
    private final Class<M> kind;
    private final int type;
    private final String typeName;
    private final String what;
    private final BiFunction<M, LinkNames, Mapped<T>> mapping;

    private SavedRecords(int magic, Class<M> kind, int type, String typeName, String what,
                         BiFunction<M, LinkNames, Mapped<T>> mapping) {
        this.magic = magic;
        this.kind = kind;
        this.type = type;
        this.typeName = typeName;
        this.what = what;
        this.mapping = mapping;
    }

    /** Gives every usable record of the stream, with its message (for subject paths), to {@code use}. */
    void read(String file, byte[] bytes, LinkNames names, List<Diagnostic> problems,
              BiConsumer<NetlinkImage.Message, T> use) {
        for (NetlinkImage.Message m : NetlinkImage.read(file, bytes, magic, problems)) {
            NetlinkMessage message = m.message();
            if (!kind.isInstance(message) || message.header().type() != type) {
                problems.add(Diagnostic.warning(Errno.EINVAL, ProtobufImage.record(file, m.number()), Phase.READ,
                        "message " + m.number() + " of " + file + " has type " + message.header().type() + ", not "
                                + typeName + "; it is skipped"));
                continue;
            }
            Mapped<T> mapped = mapping.apply(kind.cast(message), names);
            if (mapped instanceof Mapped.Damaged<T> d) {
                problems.add(Diagnostic.error(Errno.EBADMSG, ProtobufImage.record(file, m.number()), Phase.READ,
                        "message " + m.number() + " of " + file + " is not a usable " + what + ": " + d.problem()));
            } else if (mapped.valueOrNull() != null) {
                use.accept(m, mapped.valueOrNull());
            }
        }
    }
}

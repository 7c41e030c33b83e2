package io.netcr.model.checkpoint;

import io.netcr.model.Errno;
import java.util.List;
import java.util.Objects;

/**
 * What the kernel said of one namespace's routing beyond its main table, asked at checkpoint time: its
 * policy rules and the routes of its other tables (local excepted), or why it could not be asked.
 */
public sealed interface RoutingOutsideMain {

    /** The namespace's id ({@code nsfs:INODE}), as in the snapshot. */
    String namespaceId();

    /** Every rule the kernel listed (its defaults included) and every route outside main and local. */
    record Found(String namespaceId, List<PolicyRule> rules, List<TableRoute> routes) implements RoutingOutsideMain {
        public Found {
            Objects.requireNonNull(namespaceId, "namespaceId");
            rules = List.copyOf(rules);
            routes = List.copyOf(routes);
        }
    }

    /** The namespace could not be asked (it vanished, no permission, a failed dump). */
    record Unknown(String namespaceId, Errno code, String reason) implements RoutingOutsideMain {
        public Unknown {
            Objects.requireNonNull(namespaceId, "namespaceId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package io.netcr.model.live;

import io.netcr.model.Namespace;
import java.util.Comparator;

/** The order in which a live snapshot lists namespaces: the init namespace, named ones, then the rest, by label. */
public final class LiveOrder {

    public static final Comparator<Namespace> NAMESPACES = Comparator.comparing((Namespace n) -> !n.init())
            .thenComparing(n -> n.names().isEmpty()).thenComparing(Namespace::label);

    private LiveOrder() {
    }
}

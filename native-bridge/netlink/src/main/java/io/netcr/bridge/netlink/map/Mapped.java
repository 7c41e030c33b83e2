package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.MalformedMessageException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one rtnetlink message becomes: a record, nothing, or a sentence saying why it is unusable. Never an
 * exception: callers turn {@link Damaged} into a diagnostic on what they were reading.
 *
 * @param <T> the record a message of this kind maps to
 */
public sealed interface Mapped<T> {

    /**
     * The record. {@code removed} is true for an RTM_DEL* message (the record is what was removed), false for
     * RTM_NEW* (added, or changed when the record was known before).
     */
    record Value<T>(T value, boolean removed) implements Mapped<T> {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Nothing the model holds, which is no fault: another address family, a message type not mapped. */
    record Ignored<T>(String why) implements Mapped<T> {
    }

    /** A message that cannot be what its type says; {@code problem} says what is wrong with it. */
    record Damaged<T>(String problem) implements Mapped<T> {
    }

    /** The record of a {@link Value}, else null. */
    default T valueOrNull() {
        return this instanceof Value<T> v ? v.value() : null;
    }

    /** The problem of a {@link Damaged} result, else null. */
    default String problemOrNull() {
        return this instanceof Damaged<T> d ? d.problem() : null;
    }

    /** Runs a mapping: its record as a Value, and the codec's or the mapping's complaint about the bytes as Damaged. */
    static <T> Mapped<T> guard(boolean removed, Supplier<T> mapping) {
        try {
            return new Value<>(mapping.get(), removed);
        } catch (MalformedMessageException | IllegalArgumentException e) {
            return new Damaged<>(e.getMessage());
        }
    }
}

package io.netcr.model;

import java.util.Map;
import java.util.Optional;

/**
 * Route and address scopes (RT_SCOPE_*, linux/rtnetlink.h) and iproute2's words for them. Other values
 * (0..255) are written as numbers, as iproute2 does.
 */
public final class RtScope {

    private static final Map<String, Integer> NUMBERS =
            Map.of("global", 0, "site", 200, "link", 253, "host", 254, "nowhere", 255);

    private RtScope() {
    }

    /** The number of a scope word or decimal text 0..255, or empty when it is neither. */
    public static Optional<Integer> number(String scope) {
        if (scope == null) {
            return Optional.empty();
        }
        Integer known = NUMBERS.get(scope);
        if (known != null) {
            return Optional.of(known);
        }
        if (scope.matches("\\d{1,3}")) {
            int n = Integer.parseInt(scope);
            return n <= 255 ? Optional.of(n) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The word for a scope number, or its decimal text when it has none (a switch: every address and route asks). */
    public static String word(int number) {
        return switch (number) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> Integer.toString(number);
        };
    }
}

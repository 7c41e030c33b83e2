package io.netcr.model.testing;

import io.netcr.model.Errno;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The namespace names every boundary must refuse (issue 16, "bad input, named"), with the code each one gets:
 * for {@code @MethodSource("io.netcr.model.testing.BadNames#namespaceNames")}, arguments (what, name, code).
 */
public final class BadNames {

    private BadNames() {
    }

    public static Stream<Arguments> namespaceNames() {
        return Stream.of(
                Arguments.of("a slash", "red/blue", Errno.EINVAL),
                Arguments.of("dot dot", "..", Errno.EINVAL),
                Arguments.of("a NUL", "red\0blue", Errno.EINVAL),
                Arguments.of("a newline", "red\nblue", Errno.EINVAL),
                Arguments.of("empty", "", Errno.EINVAL),
                Arguments.of("256 bytes", "n".repeat(256), Errno.ENAMETOOLONG));
    }
}

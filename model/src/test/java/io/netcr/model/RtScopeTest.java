package io.netcr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one table of scope words (rt_scopes), both ways. */
class RtScopeTest {

    @ParameterizedTest
    @CsvSource({"global, 0", "site, 200", "link, 253", "host, 254", "nowhere, 255", "7, 7"})
    void should_give_word_and_number_of_each_other(String word, int number) {
        assertEquals(word, RtScope.word(number));
        assertEquals(Optional.of(number), RtScope.number(word));
    }
}

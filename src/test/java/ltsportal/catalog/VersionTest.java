package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VersionTest {
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "17.3|17.3",
            "17.3.7|17.3.7",
            "v17.3.7-ee|17.3.7",
            "' 17.3.7 '|17.3.7",
            "V17.3.7-CE|17.3.7",
            "17.3.7-ee.0|17.3.7",
            "18.11.11|18.11.11",
            "'\t19.0.1\n'|19.0.1",
    })
    void acceptsWhatCustomersType(String input, String expected) {
        assertEquals(expected, Version.parse(input).orElseThrow().toString());
    }

    static Stream<String> garbage() {
        return Stream.of("", " ", "17", "seventeen", "17.", "17.3.", "17.3.7.1", "17..3", "-17.3", "17.3-ee-ee",
                "17.3.7-foo", "v", "1234.1", "17.3.99999", "<script>", "17,3", "17.3 .7",
                "9".repeat(100));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void refusesGarbage(String input) {
        assertTrue(Version.parse(input).isEmpty(), input);
    }

    @Test
    void refusesNull() {
        assertTrue(Version.parse(null).isEmpty());
    }

    @Test
    void ordersNumericallyWithLineBeforeItsPatches() {
        List<Version> sorted = Stream.of("17.10.1", "17.9.12", "17.10", "17.10.0", "9.5.10", "17.11.7")
                .map(s -> Version.parse(s).orElseThrow()).sorted().toList();
        assertEquals("[9.5.10, 17.9.12, 17.10, 17.10.0, 17.10.1, 17.11.7]", sorted.toString());
    }

    @Test
    void knowsItsLine() {
        Version v = Version.parse("v18.11.2-ee").orElseThrow();
        assertEquals("18.11", v.lineName());
        assertTrue(v.sameLine(Version.parse("18.11").orElseThrow()));
    }
}

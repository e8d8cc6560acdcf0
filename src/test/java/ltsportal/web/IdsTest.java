package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The host that ends every UID and Atom id, taken from PORTAL_BASE_URL. */
class IdsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://lts.example.com, lts.example.com",
            "https://LTS.Example.COM:8443/portal/, lts.example.com",
            "http://localhost:7070, localhost",
            "http://127.0.0.1:7070, 127.0.0.1",
            "not a url, localhost",
            "'', localhost"})
    void hostOfTheBaseUrl(String baseUrl, String host) {
        assertEquals(host, Ids.host(baseUrl));
    }
}

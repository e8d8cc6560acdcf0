package ltsportal.web;

import java.net.URI;
import java.util.Locale;

/**
 * The deployment's own name in identifiers meant to be globally unique: iCalendar UIDs (RFC 5545
 * 3.8.4.7) and Atom tag ids (RFC 4151) end in {@code PORTAL_BASE_URL}'s host, so two deployments never
 * share an event or entry id. Changing the base URL changes them, which calendar clients see as new events.
 */
public final class Ids {
    private Ids() {
    }

    /** The host of {@code baseUrl}, lower case; {@code localhost} when it has none. */
    public static String host(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null || host.isBlank() ? "localhost" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }
}

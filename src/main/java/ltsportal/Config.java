package ltsportal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Everything the portal reads from its environment, with the defaults listed in the README. */
public record Config(
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path contentDir,
        String baseUrl,
        Clock clock,
        boolean demo,
        String demoPassword,
        ltsportal.web.ClientAddress clientAddress,
        ltsportal.mail.MailConfig mail,
        ltsportal.jobs.JobsConfig jobs) {

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/lts-portal;AUTO_SERVER=FALSE";

    public static Config fromEnvironment(Map<String, String> env) {
        int port = parsePort(env.getOrDefault("PORTAL_PORT", "7070"));
        String baseUrl = stripTrailingSlash(env.getOrDefault("PORTAL_BASE_URL", "http://localhost:" + port));
        String dbUrl = env.getOrDefault("PORTAL_DB_URL", DEFAULT_DB_URL);
        return new Config(
                port,
                dbUrl,
                env.getOrDefault("PORTAL_DB_USER", "sa"),
                env.getOrDefault("PORTAL_DB_PASSWORD", ""),
                Path.of(env.getOrDefault("PORTAL_CONTENT_DIR", "./content")),
                baseUrl,
                clockFrom(env.get("PORTAL_CLOCK")),
                flag(env.get("PORTAL_DEMO"), false, "PORTAL_DEMO"),
                env.getOrDefault("PORTAL_DEMO_PASSWORD", "demo-portal-pass"),
                ltsportal.web.ClientAddress.trusting(env.get("PORTAL_TRUSTED_PROXIES")),
                ltsportal.mail.MailConfig.fromEnvironment(env, baseUrl),
                ltsportal.jobs.JobsConfig.fromEnvironment(env));
    }

    /** Demo mode (public demo accounts) only when asked for: a real deployment never gets default credentials. */
    private static boolean flag(String value, boolean fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }

    /** Unset means the system clock; an ISO instant freezes the portal at that moment. */
    static Clock clockFrom(String value) {
        if (value == null || value.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.parse(value.trim()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "PORTAL_CLOCK must be an ISO instant such as 2025-06-01T12:00:00Z, not '" + value + "'");
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORTAL_PORT must be a port number, not '" + value + "'");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public boolean https() {
        return baseUrl.startsWith("https://");
    }
}

package ltsportal.mail;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * How the portal reaches its SMTP server ({@code PORTAL_SMTP_*}). Without a host nothing is sent: the
 * messages stay in the outbox for admins to read at {@code /admin/outbox}.
 *
 * @param domain     the portal's domain, for Message-IDs (the host of {@code PORTAL_BASE_URL})
 * @param pollMillis how often the sender looks at the outbox; 0: never on its own (tests run it by hand)
 * @param claim      how long a sender holds the messages it took before another may take them (one that died)
 * @param support    where customers write to support ({@code PORTAL_SUPPORT_EMAIL}), shown when the portal cannot help online
 */
public record MailConfig(String host, int port, String user, String password, String from, Tls tls, String domain,
                         long pollMillis, java.time.Duration claim, String support) {
    public enum Tls {
        STARTTLS, TLS, NONE
    }

    public boolean sends() {
        return host != null && !host.isBlank();
    }

    public static MailConfig fromEnvironment(Map<String, String> env, String baseUrl) {
        String host = env.get("PORTAL_SMTP_HOST");
        Tls tls = switch (env.getOrDefault("PORTAL_SMTP_TLS", "starttls").strip().toLowerCase(Locale.ROOT)) {
            case "starttls" -> Tls.STARTTLS;
            case "tls" -> Tls.TLS;
            case "none" -> Tls.NONE;
            default -> throw new IllegalArgumentException("PORTAL_SMTP_TLS must be starttls, tls or none, not '"
                    + env.get("PORTAL_SMTP_TLS") + "'");
        };
        int port;
        String rawPort = env.getOrDefault("PORTAL_SMTP_PORT", tls == Tls.TLS ? "465" : "587");
        try {
            port = Integer.parseInt(rawPort.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORTAL_SMTP_PORT must be a port number, not '" + rawPort + "'");
        }
        String domain = domainOf(baseUrl);
        return new MailConfig(host == null || host.isBlank() ? null : host.strip(), port, env.get("PORTAL_SMTP_USER"),
                env.get("PORTAL_SMTP_PASSWORD"), env.getOrDefault("PORTAL_SMTP_FROM", "LTS Portal <no-reply@" + domain + ">"), tls,
                domain, number(env, "PORTAL_MAIL_POLL_MS", 2000), java.time.Duration.ofSeconds(number(env, "PORTAL_MAIL_CLAIM_SECONDS", 120)),
                env.getOrDefault("PORTAL_SUPPORT_EMAIL", "support@" + domain));
    }

    /** Nothing sent: the default, and what tests that do not look at mail use. */
    public static MailConfig none(String baseUrl) {
        return new MailConfig(null, 0, null, null, "LTS Portal <no-reply@" + domainOf(baseUrl) + ">", Tls.NONE, domainOf(baseUrl), 0, java.time.Duration.ofMinutes(2),
                "support@" + domainOf(baseUrl));
    }

    /** A test's SMTP server on this machine, without TLS. */
    public static MailConfig local(int port, String baseUrl) {
        return new MailConfig("127.0.0.1", port, null, null, "LTS Portal <no-reply@" + domainOf(baseUrl) + ">", Tls.NONE, domainOf(baseUrl), 0, java.time.Duration.ofMinutes(2),
                "support@" + domainOf(baseUrl));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, not '" + raw + "'");
        }
    }

    static String domainOf(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }
}

package ltsportal.accounts;

/** A user agent in words for the sessions page: "Firefox on Windows". A guess from well-known tokens, nothing more. */
final class ClientNames {
    private ClientNames() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown client";
        }
        String ua = userAgent;
        String browser;
        if (ua.contains("Edg/")) {
            browser = "Edge";
        } else if (ua.contains("OPR/")) {
            browser = "Opera";
        } else if (ua.contains("Firefox/")) {
            browser = "Firefox";
        } else if (ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("HeadlessChrome/")) {
            browser = "Chrome";
        } else if (ua.contains("Safari/")) {
            browser = "Safari";
        } else if (ua.startsWith("curl/")) {
            browser = "curl";
        } else if (ua.startsWith("Java-http-client")) {
            browser = "Java HTTP client";
        } else {
            browser = "Unknown browser";
        }
        String system;
        if (ua.contains("Android")) {
            system = "Android";
        } else if (ua.contains("iPhone") || ua.contains("iPad")) {
            system = "iOS";
        } else if (ua.contains("Windows")) {
            system = "Windows";
        } else if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            system = "macOS";
        } else if (ua.contains("CrOS")) {
            system = "ChromeOS";
        } else if (ua.contains("Linux")) {
            system = "Linux";
        } else {
            return browser;
        }
        return browser + " on " + system;
    }
}

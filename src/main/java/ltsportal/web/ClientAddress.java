package ltsportal.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client's address for throttling and the audit log. {@code X-Forwarded-For} is believed only
 * when the peer is one of the trusted proxies ({@code PORTAL_TRUSTED_PROXIES}: addresses or CIDR
 * ranges, comma-separated); then the address is the right-most one in the header that is not itself
 * a trusted proxy. Anyone else's header is ignored, so a client cannot pick its own address.
 */
public final class ClientAddress {
    private static final String ATTRIBUTE = "client.address";

    private final List<Range> trusted;

    private ClientAddress(List<Range> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** Nothing trusted: the peer's address is the client's. */
    public static final ClientAddress DIRECT = new ClientAddress(List.of());

    /** Parses {@code PORTAL_TRUSTED_PROXIES}; a bad entry is an error at start, not a silent hole. */
    public static ClientAddress trusting(String list) {
        if (list == null || list.isBlank()) {
            return DIRECT;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(Range.of(entry.strip()));
            }
        }
        return new ClientAddress(ranges);
    }

    public void register(io.javalin.config.RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(ATTRIBUTE, resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"))));
    }

    /** The address a request came from, as resolved before its handler ran. */
    public static String of(Context ctx) {
        String address = ctx.attribute(ATTRIBUTE);
        return address != null ? address : ctx.req().getRemoteAddr();
    }

    String resolve(String peer, String forwardedFor) {
        if (peer != null && peer.startsWith("[") && peer.endsWith("]")) {
            peer = peer.substring(1, peer.length() - 1); // Jetty writes IPv6 peers as [::1]
        }
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!literal(hop) || parse(hop) == null) {
                return peer; // not an address: believe nothing the header says past this point
            }
            if (!isTrusted(hop)) {
                return hop.toLowerCase(Locale.ROOT);
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = address == null ? null : parse(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    /** Only IP literals are ever looked at: no name is resolved, and nothing else is taken for an address. */
    static boolean literal(String s) {
        return !s.isEmpty() && s.length() <= 45 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
                && (s.contains(":") || s.chars().filter(c -> c == '.').count() == 3);
    }

    /** The address's bytes, or null when it is not an IP literal. Never a DNS lookup. */
    static byte[] parse(String literal) {
        if (!literal(literal)) {
            return null;
        }
        if (!literal.contains(":")) {
            String[] parts = literal.split("\\.", -1);
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        try {
            // With a colon, the JDK parses an IPv6 literal and never asks DNS.
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    record Range(byte[] network, int bits) {
        static Range of(String entry) {
            String address = entry;
            int bits = -1;
            int slash = entry.indexOf('/');
            if (slash >= 0) {
                address = entry.substring(0, slash);
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -2;
                }
            }
            byte[] network = ClientAddress.parse(address);
            if (network == null) {
                throw new IllegalArgumentException("PORTAL_TRUSTED_PROXIES: '" + entry + "' is not an IP address or CIDR range");
            }
            int max = network.length * 8;
            if (bits == -1) {
                bits = max;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("PORTAL_TRUSTED_PROXIES: '" + entry + "' has a prefix length outside 0-" + max);
            }
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

package ltsportal.support;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * Customers booking the demo spike through HTTP while something fails, and the checks afterwards:
 * every booking a customer was told was made (303) exists exactly once, no booking exists that no
 * customer sent, and every window's counter equals its active bookings.
 */
public final class BookingLoad {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    /** The idempotency key of every booking form sent. */
    public final Set<String> sent = ConcurrentHashMap.newKeySet();
    /** Key to booking id, for every booking answered 303. */
    public final Map<String, Long> confirmed = new ConcurrentHashMap<>();

    /** The demo spike's window ids, read through the API by a signed-in customer. */
    public static List<Long> windows(WebClient customer) throws Exception {
        List<Long> windows = new ArrayList<>();
        new ObjectMapper().readTree(customer.get("/api/v1/spikes/1").body()).get("windows")
                .forEach(w -> windows.add(w.get("id").asLong()));
        return windows;
    }

    /**
     * Opens the intake form for a window and sends it: the status of the answer to the form, or of the
     * form itself when it was not offered (409 for a full window, 503 with the database away).
     */
    public int bookOnce(WebClient customer, long window) {
        var form = customer.get("/spikes/1/book?window=" + window);
        Matcher m = KEY.matcher(form.body());
        if (form.statusCode() != 200 || !m.find()) {
            return form.statusCode();
        }
        String key = m.group(1);
        Map<String, String> fields = new HashMap<>(Map.of("windowId", String.valueOf(window), "idempotencyKey", key,
                "instanceName", "gitlab-" + key.substring(0, 8).toLowerCase(java.util.Locale.ROOT) + ".load.test", "deployment", "docker", "edition", "ee", "topology", "single-node",
                "geo", "no", "currentVersion", "18.8.11", "targetVersion", "18.11", "contactName", "Casey"));
        fields.put("contactEmail", "casey@acme.test");
        sent.add(key);
        var response = customer.post("/spikes/1/bookings", fields);
        if (response.statusCode() == 303) {
            confirmed.put(key, Long.parseLong(response.headers().firstValue("Location").orElseThrow()
                    .replaceAll("^/bookings/(\\d+).*$", "$1")));
        }
        return response.statusCode();
    }

    /** The three promises, read straight from the database. */
    public void assertConsistent(DSLContext db) {
        Map<String, Long> stored = new HashMap<>();
        db.select(BOOKING.IDEMPOTENCY_KEY, BOOKING.ID).from(BOOKING).where(BOOKING.IDEMPOTENCY_KEY.notLike("demo-seed-%"))
                .forEach(r -> assertTrue(stored.put(r.value1(), r.value2()) == null, "one booking per key"));
        for (var c : confirmed.entrySet()) {
            assertEquals(c.getValue(), stored.get(c.getKey()), "a booking the customer saw confirmed exists");
        }
        assertTrue(sent.containsAll(stored.keySet()), "no booking exists that no customer sent");
        for (var w : db.selectFrom(SPIKE_WINDOW).fetch()) {
            int active = db.fetchCount(BOOKING, BOOKING.WINDOW_ID.eq(w.getId()).and(BOOKING.STATUS.ne(ltsportal.spikes.BookingStatus.CANCELLED)));
            assertEquals(active, (int) w.getBooked(), "window " + w.getId() + ": the counter equals its bookings");
        }
    }
}

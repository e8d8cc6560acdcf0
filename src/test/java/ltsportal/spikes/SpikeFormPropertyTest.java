package ltsportal.spikes;

import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * Random manager forms, around the edges on purpose (zones with daylight saving and half-hour shifts, start
 * times the clocks skip or repeat, empty and full weekday sets, dates out of range, lengths that overlap): the
 * answer is never a 500, and whenever the preview is shown, saving stores exactly the windows it promised.
 * The seed is fixed, so a failure repeats; the message names the form.
 */
class SpikeFormPropertyTest extends OnBothDatabases {
    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC",
            "Pacific/Chatham", "America/Sao_Paulo", "Nope/Nowhere"};
    private static final String[] DAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
    private static final String[] TIMES = {"00:00", "01:30", "02:00", "02:30", "03:00", "08:00", "09:00", "09:30", "12:00",
            "14:00", "23:30", "25:00", "9", "noon"};
    /** Days the clocks change in some of the zones above, in 2026 and 2027. */
    private static final String[] DST_DAYS = {"2026-10-25", "2026-11-01", "2026-10-04", "2027-03-28", "2027-03-14", "2027-04-04",
            "2026-09-27"};
    private static final Pattern SUMMARY = Pattern.compile("After saving: (\\d+) windows\\. (\\d+) added, (\\d+) unchanged, "
            + "(\\d+) kept because they hold or held bookings, (\\d+) removed, (\\d+) not added");

    @Test
    void randomSpikeFormsNeverFailAndTheSavedWindowsAreWhatThePreviewPromised() {
        Random random = new Random(20261127L);
        WebClient maria = portal.signedIn("manager@demo.test");
        maria.get("/manage/spikes/new");
        int previews = 0;
        for (int i = 0; i < 30; i++) {
            Map<String, String> form = randomForm(random, "Random " + i);
            List<String> days = randomDays(random);
            Map<String, String> asked = new HashMap<>(form);
            asked.put("preview", "true");
            var preview = maria.postMulti("/manage/spikes", asked, "weekdays", days.toArray(String[]::new));
            assertTrue(preview.statusCode() == 200 || preview.statusCode() == 400, "form " + form + " " + days + ": " + preview.statusCode());
            assertEquals(0, portal.db.fetchCount(SPIKE, SPIKE.NAME.eq(form.get("name"))), "a preview writes nothing");
            if (preview.statusCode() == 400) {
                assertTrue(preview.body().contains("class=\"error\""), "a refused form says why, next to a field: " + form);
                continue;
            }
            previews++;
            Matcher promised = SUMMARY.matcher(preview.body());
            assertTrue(promised.find(), "the preview has its summary: " + form);
            var saved = maria.postMulti("/manage/spikes", form, "weekdays", days.toArray(String[]::new));
            assertEquals(303, saved.statusCode(), "what the preview accepted saves: " + form + " " + days);
            long id = portal.db.select(SPIKE.ID).from(SPIKE).where(SPIKE.NAME.eq(form.get("name"))).fetchSingle(SPIKE.ID);
            var windows = portal.db.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(id)).orderBy(SPIKE_WINDOW.STARTS_AT).fetch();
            assertEquals(Integer.parseInt(promised.group(1)), windows.size(), "exactly the windows promised: " + form + " " + days);
            assertEquals(Integer.parseInt(promised.group(2)), windows.size(), "a new spike's windows are all added");
            Set<Instant> starts = new HashSet<>();
            for (int w = 0; w < windows.size(); w++) {
                assertTrue(starts.add(windows.get(w).getStartsAt().toInstant()), "no two windows share a start");
                if (w > 0 && !"true".equals(form.get("allowParallel"))) {
                    assertFalse(windows.get(w).getStartsAt().isBefore(windows.get(w - 1).getEndsAt()),
                            "without parallel windows none overlap: " + form + " " + days);
                }
            }
            editAgain(maria, random, id, form, days);
        }
        assertTrue(previews >= 5, "the generator makes enough valid forms to test the promise: " + previews);
    }

    /** A second, random template for the saved spike: the preview's numbers hold for the edit as well. */
    private void editAgain(WebClient maria, Random random, long id, Map<String, String> form, List<String> days) {
        Map<String, String> edit = new HashMap<>(form);
        edit.put("startTimes", randomTimes(random));
        edit.put("windowMinutes", String.valueOf(30 + random.nextInt(300)));
        List<String> newDays = randomDays(random);
        int before = portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(id));
        maria.get("/manage/spikes/" + id);
        Map<String, String> asked = new HashMap<>(edit);
        asked.put("preview", "true");
        var preview = maria.postMulti("/manage/spikes/" + id, asked, "weekdays", newDays.toArray(String[]::new));
        assertTrue(preview.statusCode() == 200 || preview.statusCode() == 400, "edit " + edit + ": " + preview.statusCode());
        assertEquals(before, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(id)), "a preview writes nothing");
        if (preview.statusCode() != 200) {
            return;
        }
        Matcher promised = SUMMARY.matcher(preview.body());
        assertTrue(promised.find());
        assertEquals(303, maria.postMulti("/manage/spikes/" + id, edit, "weekdays", newDays.toArray(String[]::new)).statusCode());
        int after = portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(id));
        assertEquals(Integer.parseInt(promised.group(1)), after, "the edit stores what its preview promised: " + edit + " " + newDays);
        assertEquals(before + Integer.parseInt(promised.group(2)) - Integer.parseInt(promised.group(5)), after);
    }

    private static Map<String, String> randomForm(Random random, String name) {
        LocalDate today = LocalDate.parse("2026-06-01");
        LocalDate start = random.nextInt(3) == 0 ? LocalDate.parse(DST_DAYS[random.nextInt(DST_DAYS.length)]).minusDays(random.nextInt(5))
                : today.plusDays(random.nextInt(2400) - 500);
        Map<String, String> f = new HashMap<>();
        f.put("name", name);
        f.put("description", "Random.");
        f.put("startsOn", start.toString());
        f.put("endsOn", start.plusDays(random.nextInt(30) - 2).toString());
        f.put("timeZone", ZONES[random.nextInt(ZONES.length)]);
        f.put("focus", random.nextInt(6) == 0 ? "18.11.1" : "18.11");
        f.put("startTimes", randomTimes(random));
        f.put("windowMinutes", String.valueOf(random.nextInt(6) == 0 ? 5 + random.nextInt(1500) : 30 + random.nextInt(300)));
        f.put("capacity", String.valueOf(random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(5)));
        f.put("blackoutDates", random.nextBoolean() ? "" : start.plusDays(random.nextInt(10)).toString());
        f.put("minNotice", "3");
        f.put("horizonDays", "90");
        f.put("cancelCutoffHours", "24");
        f.put("status", random.nextBoolean() ? "draft" : "open");
        f.put("maxBookingsPerOrganization", "2");
        if (random.nextInt(3) == 0) {
            f.put("allowParallel", "true");
        }
        return f;
    }

    private static String randomTimes(Random random) {
        List<String> times = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int t = 0; t < n; t++) {
            times.add(TIMES[random.nextInt(random.nextInt(5) == 0 ? TIMES.length : TIMES.length - 3)]);
        }
        return String.join(", ", times);
    }

    private static List<String> randomDays(Random random) {
        List<String> days = new ArrayList<>();
        for (String d : DAYS) {
            if (random.nextInt(3) > 0) {
                days.add(d);
            }
        }
        return days;
    }
}

package ltsportal.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryLineTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void storedInstantsReadInTheReadersZoneAndArrowsAsWords() {
        var events = List.of(
                new Booking.Event(Instant.parse("2026-06-01T12:00:00Z"), "Casey", "requested", null, "requested", "window 2026-12-07T08:00:00Z"),
                new Booking.Event(Instant.parse("2026-06-02T12:00:00Z"), "Casey", "rescheduled", "requested", "requested",
                        "2026-12-07T08:00:00Z -> 2026-12-08T13:30Z"),
                new Booking.Event(Instant.parse("2026-06-03T12:00:00Z"), "Mia", "window-changed", "confirmed", "confirmed",
                        "the window now ends at 2026-06-08T12:00Z (was 2026-06-08T11:00:00.5Z)"),
                new Booking.Event(Instant.parse("2026-06-04T12:00:00Z"), "Mia", "cancelled", "confirmed", "cancelled", null));
        List<HistoryLine> lines = HistoryLine.of(events, BERLIN);
        assertEquals("window 7 Dec 2026, 09:00 CET", lines.get(0).detail());
        assertEquals("7 Dec 2026, 09:00 CET to 8 Dec 2026, 14:30 CET", lines.get(1).detail());
        assertEquals("the window now ends at 8 Jun 2026, 14:00 CEST (was 8 Jun 2026, 13:00 CEST)", lines.get(2).detail());
        assertNull(lines.get(3).detail());
        assertEquals(List.of("requested", "rescheduled", "window-changed", "cancelled"), lines.stream().map(HistoryLine::kind).toList(),
                "the stored key stays for the page's data attribute");
    }

    @Test
    void everyKindReadsAsWordsAndAnUnknownOneStillReadsAsASentence() {
        assertEquals("Moved to another window", HistoryLine.what("rescheduled"));
        assertEquals("Confirmed without an approved review", HistoryLine.what("confirmed-override"));
        assertEquals("Changes asked for in the plan review", HistoryLine.what("review-changes"));
        assertEquals("Something new happened", HistoryLine.what("something-new-happened"));
    }

    @Test
    void textThatOnlyLooksLikeATimeIsLeftAlone() {
        var line = HistoryLine.of(List.of(new Booking.Event(Instant.EPOCH, "Casey", "attached", "requested", "requested",
                "notes 2026-12-07T08.txt (1 KB)")), BERLIN).get(0);
        assertEquals("notes 2026-12-07T08.txt (1 KB)", line.detail());
        assertEquals("File attached", line.what());
    }
}

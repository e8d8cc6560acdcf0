package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one form binder: explicit fields, trimming, checks with a message per field. */
class FormTest {
    @Test
    void readsOnlyTheNamedFieldsTrimmedAndKeepsPasswordsAsTyped() {
        Form in = Form.of(Map.of("name", "  Ada  ", "password", " pass word ", "role", "admin"));
        assertEquals("Ada", in.text("name"));
        assertEquals(" pass word ", in.exact("password"));
        assertEquals("", in.text("missing"), "an absent field reads as empty");
        assertEquals(List.of(), in.all("missing"));
        assertTrue(in.valid(), "reading fields checks nothing");
    }

    @Test
    void eachFieldKeepsItsFirstMessageInTheOrderChecked() {
        Form in = Form.of(Map.of());
        assertFalse(in.required("name", "", 120, "Give your name."));
        assertFalse(in.check(false, "name", "a second message"));
        assertTrue(in.required("org", "Acme", 120, "unused"));
        assertFalse(in.atMost("notes", "x".repeat(11), 10, "Keep it short."));
        assertEquals(Map.of("name", "Give your name.", "notes", "Keep it short."), in.errors());
        assertEquals(List.of("name", "notes"), List.copyOf(in.errors().keySet()));
        assertFalse(in.valid());
    }

    @Test
    void lengthChecksCountTheLimitItselfAsAllowed() {
        Form in = Form.of(Map.of());
        assertTrue(in.required("a", "x".repeat(120), 120, "too long"));
        assertFalse(in.required("b", "x".repeat(121), 120, "too long"));
        assertTrue(in.atMost("c", "", 10, "unused"), "optional fields may be empty");
    }

    @Test
    void numbersDatesTimesAndChoicesParseOrSayWhy() {
        Form in = Form.of(Map.of());
        assertEquals(15, in.number("minutes", "15", 15, 1440, "15 to 1440"));
        assertNull(in.number("low", "14", 15, 1440, "15 to 1440"));
        assertNull(in.number("text", "ten", 15, 1440, "15 to 1440"));
        assertNull(in.number("huge", "99999999999", 0, 10, "0 to 10"));
        assertEquals(LocalDate.of(2026, 3, 29), in.date("day", "2026-03-29", "YYYY-MM-DD"));
        assertNull(in.date("badDay", "29.03.2026", "YYYY-MM-DD"));
        assertEquals(LocalTime.of(9, 0), in.time("start", "9:00", "HH:MM"));
        assertNull(in.time("badStart", "25:00", "HH:MM"));
        assertEquals(7, in.choice("pick", "b", Map.of("a", 1, "b", 7), "a or b"));
        assertNull(in.choice("badPick", "c", Map.of("a", 1), "a or b"));
        assertEquals(List.of("low", "text", "huge", "badDay", "badStart", "badPick"), List.copyOf(in.errors().keySet()));
    }

    @Test
    void errorsAreACopyThatLaterChecksDoNotChange() {
        Form in = Form.of(Map.of());
        in.check(false, "a", "first");
        var seen = in.errors();
        in.check(false, "b", "second");
        assertEquals(Map.of("a", "first"), seen);
    }
}

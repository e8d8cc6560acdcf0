package ltsportal.spikes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an upgrade came to, recorded by support when they complete the booking: how it ended, the
 * version the instance reached, how long it took, and notes for whoever helps this customer next.
 */
public record Outcome(String outcome, String reachedVersion, Integer durationMinutes, String notesMarkdown) {
    /** The outcomes, keyed as stored and sent, with what the pages call them. */
    public static final Map<String, String> KINDS;

    static {
        var kinds = new LinkedHashMap<String, String>();
        kinds.put("upgraded", "Upgraded");
        kinds.put("partially-upgraded", "Partially upgraded (stopped at an intermediate version)");
        kinds.put("rolled-back", "Rolled back");
        kinds.put("postponed", "Postponed");
        KINDS = java.util.Collections.unmodifiableMap(kinds);
    }

    public static final int NOTES_MAX = 8000;
    /** A day and a half: longer than any window, enough for a migration that ran on. */
    public static final int DURATION_MAX = 2160;

    public String label() {
        return KINDS.getOrDefault(outcome, outcome);
    }
}

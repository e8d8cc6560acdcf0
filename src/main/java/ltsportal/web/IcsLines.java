package ltsportal.web;

/**
 * Folds iCalendar content lines at 75 octets, as RFC 5545 3.1 asks, never inside a UTF-8 sequence. ical4j folds
 * by characters (73 of them), so a line of names with accents or CJK can run past 75 octets; each calendar the
 * portal writes goes through {@link #fold} once, after ical4j has written it.
 */
public final class IcsLines {
    static final int MAX_OCTETS = 75;

    private IcsLines() {
    }

    /** Unfolds {@code ics} and folds every line again at 75 octets (a continuation's leading space included). */
    public static String fold(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = MAX_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its length in UTF-8
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = MAX_OCTETS - 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}

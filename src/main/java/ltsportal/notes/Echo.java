package ltsportal.notes;

/** What a visitor typed, repeated back in a message: trimmed, and cut at 40 characters. */
public final class Echo {
    private Echo() {
    }

    public static String clip(String typed) {
        String t = typed == null ? "" : typed.strip();
        return t.length() > 40 ? t.substring(0, 40) + "\u2026" : t;
    }
}

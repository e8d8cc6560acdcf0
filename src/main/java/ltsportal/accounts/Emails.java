package ltsportal.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses: RFC 5321's dot-atom form (without the characters URIs and calendar clients stumble
 * on: {@code { } | ^ `}), a domain of letters, digits and hyphens with a top-level name of letters;
 * compared without regard to case.
 */
public final class Emails {
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?_~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern FORM = Pattern.compile("(?=.{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+[A-Za-z]{2,63}");

    private Emails() {
    }

    public static boolean valid(String email) {
        return email != null && email.length() <= 254 && FORM.matcher(email).matches();
    }

    public static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}

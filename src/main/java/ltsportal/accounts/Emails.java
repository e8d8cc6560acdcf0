package ltsportal.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses: one plausible address, compared without regard to case. */
public final class Emails {
    private static final Pattern FORM = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\".]{2,}");

    private Emails() {
    }

    public static boolean valid(String email) {
        return email != null && email.length() <= 254 && FORM.matcher(email).matches();
    }

    public static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}

package ltsportal.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import ltsportal.web.TooBusy;

/**
 * The password rules (ASVS: at least 8 characters, long ones accepted as typed, no composition rules,
 * common passwords refused) and argon2id hashing with ASVS parameters (m = 19 MiB, t = 2, p = 1).
 */
public final class Passwords {
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 1024;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /**
     * Each hash holds 19 MiB of heap while it runs. At most as many run at once as there are cores (more
     * would only wait for a CPU while holding their memory); one more at that moment is refused at once
     * (429 with Retry-After), so a burst of sign-ins can never run the heap out. The bound is the
     * process's, like the heap it protects.
     */
    private static final Semaphore HASHING = new Semaphore(Runtime.getRuntime().availableProcessors());
    /** Compared against when an account does not exist, so both answers take as long. */
    private static final String DUMMY_HASH = hash("not a real password: keeps timing even");
    private static final Set<String> COMMON = load();

    private Passwords() {
    }

    /** zxcvbn's score (0-4) a new password needs: 3 is "safely unguessable" to an online attacker. */
    static final int MIN_SCORE = 3;
    /** zxcvbn's effort grows with length; past this many characters a password is long enough to judge by its start. */
    private static final int MEASURED = 100;
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    /** Why the password is refused, or empty when it is acceptable (no personal words known). */
    public static Optional<String> problem(String password) {
        return problem(password, List.of());
    }

    /**
     * Why the password is refused, or empty when it is acceptable: length, the common list, then zxcvbn
     * (score at least {@value #MIN_SCORE}) with the person's own words (name, email, organization) as
     * part of its dictionary, and refused outright when built around one of them.
     */
    public static Optional<String> problem(String password, List<String> personal) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; a few words with spaces make a good password.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("This password is among the most common ones and easy to guess. Choose another.");
        }
        List<String> words = personalWords(personal);
        String folded = password.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (folded.contains(word)) {
                return Optional.of("Do not build your password from your name, email or organization; they are the first things tried.");
            }
        }
        String measured = length > MEASURED ? password.substring(0, password.offsetByCodePoints(0, MEASURED)) : password;
        Strength strength = ZXCVBN.measure(measured, words);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            return Optional.of("This password would be easy to guess" + (warning == null || warning.isBlank() ? "" : " (" + warning
                    .replaceAll("\\.$", "").toLowerCase(Locale.ROOT) + ")") + ". Add a few uncommon words, or make it longer.");
        }
        return Optional.empty();
    }

    /** Makes the class's own dummy hash now (an argon2id hash, tens of milliseconds), on a start-up thread. */
    public static void warmUp() {
        // loading the class computes DUMMY_HASH; nothing else to do
    }

    /** The parts of a name, email or organization a password may not be built from: words of 3 letters or more. */
    static List<String> personalWords(List<String> personal) {
        List<String> words = new ArrayList<>();
        for (String text : personal) {
            if (text == null) {
                continue;
            }
            for (String part : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (part.codePointCount(0, part.length()) >= 3 && !words.contains(part)) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    public static String hash(String password) {
        acquire();
        try {
            return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
        } finally {
            HASHING.release();
        }
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        acquire();
        try {
            return Password.check(password, hash).with(ARGON2);
        } finally {
            HASHING.release();
        }
    }

    /** Spends the same effort as a real check when there is no account to check against. */
    public static void spendCheckTime(String password) {
        matches(password == null ? "" : password, DUMMY_HASH);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (var in = Passwords.class.getResourceAsStream("/accounts/common-passwords.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    private static void acquire() {
        if (!HASHING.tryAcquire()) {
            throw new TooBusy("Many people are signing in right now. Please try again in a moment.");
        }
    }
}

package ltsportal.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
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

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
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
        return Optional.empty();
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

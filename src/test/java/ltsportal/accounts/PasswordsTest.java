package ltsportal.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "short", "seven77", "password", "Password1", "12345678", "QWERTYUIOP", "iloveyou"})
    void refusesShortAndCommonPasswords(String password) {
        assertTrue(Passwords.problem(password).isPresent(), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "correct horse battery staple",
            "eight888",
            "   spaces count too   ",
            "Ünïcödé pässwörd ✓ 日本語",
            "no Composition rules needed here at all because length is what matters in the end, 70+ chars",
    })
    void acceptsWhatIsTypedWithoutCompositionRules(String password) {
        assertTrue(Passwords.problem(password).isEmpty(), password);
    }

    @Test
    void countsCharactersNotBytes() {
        assertTrue(Passwords.problem("日本語日本語日本").isEmpty(), "8 characters, 24 bytes");
        assertTrue(Passwords.problem("日本語日本語日").isPresent(), "7 characters");
        assertTrue(Passwords.problem("x".repeat(1025)).isPresent());
        assertTrue(Passwords.problem("x".repeat(200)).isEmpty());
    }

    @Test
    void hashesWithArgon2idAtAsvsParameters() {
        String hash = Passwords.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(Passwords.matches("correct horse battery staple", hash));
        assertFalse(Passwords.matches("correct horse battery stapl", hash));
        assertFalse(Passwords.matches("correct horse battery staple", null));
        assertFalse(hash.equals(Passwords.hash("correct horse battery staple")), "salted");
    }
}

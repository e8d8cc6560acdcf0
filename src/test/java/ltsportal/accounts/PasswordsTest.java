package ltsportal.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "short", "seven77", "password", "Password1", "12345678", "QWERTYUIOP", "iloveyou",
            "Password1!", "Summer2024!", "aaaaaaaa", "eight888", "qwerty123456", "letmein2026"})
    void refusesShortCommonAndGuessablePasswords(String password) {
        assertTrue(Passwords.problem(password).isPresent(), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "correct horse battery staple",
            "tulip harbour mosaic",
            "   spaces count too   ",
            "Ünïcödé pässwörd ✓ 日本語",
            "no Composition rules needed here at all because length is what matters in the end, 70+ chars",
    })
    void acceptsWhatIsTypedWithoutCompositionRules(String password) {
        assertTrue(Passwords.problem(password).isEmpty(), password);
    }

    @Test
    void countsCharactersNotBytes() {
        assertTrue(Passwords.problem("猫が窓辺で眠る夜の静かな雨").isEmpty(), "13 characters, 39 bytes");
        assertTrue(Passwords.problem("猫が窓辺で眠る").get().contains("at least 8 characters"), "7 characters");
        assertTrue(Passwords.problem("tulip harbour mosaic ".repeat(49)).get().contains("at most 1024"));
        assertTrue(Passwords.problem("tulip harbour mosaic ".repeat(48)).isEmpty(), "1008 characters, judged by their start");
    }

    @Test
    void zxcvbnExplainsWhyAGuessablePasswordIsRefused() {
        String why = Passwords.problem("Password1!").orElseThrow();
        assertTrue(why.startsWith("This password would be easy to guess (this is similar to a commonly used password)"), why);
        assertTrue(Passwords.problem("x".repeat(200)).orElseThrow().contains("repeats"), "long but a repeat");
    }

    @Test
    void refusesPasswordsBuiltFromTheUsersOwnWords() {
        var mine = java.util.List.of("Ada Lovelace", "ada.lovelace@acme.example", "Acme Robotics");
        for (String p : new String[]{"lovelace harbour mosaic", "AcmeRobotics#2026!x", "robotics tulip harbour"}) {
            assertTrue(Passwords.problem(p, mine).orElseThrow().contains("name, email or organization"), p);
        }
        assertTrue(Passwords.problem("tulip harbour mosaic", mine).isEmpty(), "nothing of theirs in it");
        assertTrue(Passwords.problem("lovelace harbour mosaic").isEmpty(), "the same words are fine for someone else");
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

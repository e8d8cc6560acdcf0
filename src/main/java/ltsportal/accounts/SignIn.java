package ltsportal.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks a sign-in: the throttle first (a locked account refuses even the right password), then
 * the password, spending the same effort whether the account exists or not.
 */
public final class SignIn {
    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public SignIn(Users users, Sessions sessions, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    public sealed interface Result permits Success, Refused, Locked {
    }

    public record Success(User user, String sessionId) implements Result {
    }

    public record Refused() implements Result {
    }

    public record Locked(Instant until) implements Result {
    }

    public Result attempt(String email, String password, String ip) {
        String key = Emails.key(email);
        Optional<Instant> locked = throttle.lockedUntil(key);
        if (locked.isPresent()) {
            audit.record("login.refused-locked", null, key, "account locked", ip);
            return new Locked(locked.get());
        }
        Optional<User> user = key.isEmpty() ? Optional.empty() : users.byEmail(key);
        boolean ok;
        if (user.isPresent()) {
            ok = Passwords.matches(password, users.passwordHash(user.get().id()).orElse(null)) && !user.get().disabled();
        } else {
            Passwords.spendCheckTime(password);
            ok = false;
        }
        if (!ok) {
            audit.record("login.failure", null, key, user.isPresent() && user.get().disabled() ? "disabled account" : null, ip);
            if (!key.isEmpty() && throttle.recordFailure(key)) {
                audit.record("login.lockout", null, key, LoginThrottle.MAX_FAILURES + " failures", ip);
            }
            return new Refused();
        }
        throttle.clear(key);
        String sessionId = sessions.start(user.get().id());
        audit.record("login.success", user.get(), key, null, ip);
        return new Success(user.get(), sessionId);
    }
}

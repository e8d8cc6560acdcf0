package ltsportal.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks a sign-in: the throttle first, which counts the attempt before anything else (an address
 * made to wait is refused even the right password), then the password, spending the same effort
 * whether the account exists or not.
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

    public sealed interface Result permits Success, Refused, Locked, Unverified {
    }

    /** The password was right, but the account's address is not confirmed yet: no session. */
    public record Unverified(User user) implements Result {
    }

    /** The password was right; the sign-in finishes with {@link #startSession} (after a second factor, if any). */
    public record Success(User user) implements Result {
    }

    public record Refused() implements Result {
    }

    public record Locked(Instant until) implements Result {
    }

    public Result attempt(String email, String password, Sessions.Client client) {
        String ip = client.address();
        String key = Emails.key(email);
        var admission = throttle.admit(key, ip);
        if (admission instanceof LoginThrottle.Blocked blocked) {
            audit.recordRepeated("login.refused-throttled", key, "waiting until " + blocked.until(), ip);
            return new Locked(blocked.until());
        }
        var counted = (LoginThrottle.Admitted) admission;
        Optional<User> user = key.isEmpty() ? Optional.empty() : users.byEmail(key);
        boolean ok;
        try {
            if (user.isPresent()) {
                ok = Passwords.matches(password, users.passwordHash(user.get().id()).orElse(null)) && !user.get().disabled();
            } else {
                Passwords.spendCheckTime(password);
                ok = false;
            }
        } catch (ltsportal.web.TooBusy e) {
            throttle.notChecked(key, ip);
            throw e;
        }
        if (!ok) {
            audit.record("login.failure", null, key, user.isPresent() && user.get().disabled() ? "disabled account" : null, ip);
            if (counted.pairFailures() == LoginThrottle.PAIR_FREE) {
                audit.record("login.throttled", null, key, LoginThrottle.PAIR_FREE + " failures from this address", ip);
            }
            if (counted.accountFailures() == LoginThrottle.ACCOUNT_FREE) {
                audit.record("login.account-slowed", null, key, LoginThrottle.ACCOUNT_FREE + " failures from all addresses", ip);
            }
            return new Refused();
        }
        throttle.succeeded(key, ip);
        if (!users.verified(user.get().id())) {
            audit.record("login.unverified", null, key, null, ip);
            return new Unverified(user.get());
        }
        return new Success(user.get());
    }

    /** Signs the user in: a new session, audited with how the sign-in was proved. Returns the session id. */
    public String startSession(User user, Sessions.Client client, String how) {
        String sessionId = sessions.start(user.id(), client);
        audit.record("login.success", user, user.email(), how, client.address());
        return sessionId;
    }
}

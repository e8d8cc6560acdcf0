package ltsportal.accounts;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import ltsportal.support.MutableClock;
import ltsportal.support.TestDatabase;
import ltsportal.accounts.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The account repositories on both databases the portal supports. */
@Tag("functional")
class AccountsRepositoryTest {
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void usersSessionsThrottleAndInvitations(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            var db = database.migratedDsl();
            var clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
            var users = new Users(db);
            long orgId = Organizations.create(db, "Acme  Robotics", clock.instant());
            assertTrue(Organizations.taken(db, "acme robotics"));
            long id = users.create(db, new Users.NewUser("Ada@Example.test", "Ada", "UTC", Role.CUSTOMER, orgId,
                    Passwords.hash("a long password")), clock.instant());
            User ada = users.byEmail("ADA@example.TEST").orElseThrow();
            assertEquals(id, ada.id());
            assertEquals("Acme Robotics", ada.orgName());
            assertThrows(org.jooq.exception.DataAccessException.class, () -> users.create(db,
                    new Users.NewUser("ada@example.test", "Ada 2", "UTC", Role.CUSTOMER, orgId, "x"), clock.instant()),
                    "email unique whatever its case");
            assertThrows(org.jooq.exception.DataAccessException.class, () -> users.create(db,
                    new Users.NewUser("nobody@example.test", "N", "UTC", Role.CUSTOMER, null, "x"), clock.instant()),
                    "a customer needs an organization");

            var sessions = new Sessions(db, clock);
            String sid = sessions.start(id, new Sessions.Client("192.0.2.1", "JUnit"));
            assertEquals(id, sessions.find(sid).orElseThrow().user().id());
            clock.advance(Duration.ofMinutes(31));
            assertTrue(sessions.find(sid).isEmpty(), "idle timeout");
            assertEquals(0, db.fetchCount(ltsportal.db.Tables.USER_SESSION, ltsportal.db.Tables.USER_SESSION.USER_ID.eq(id)),
                    "the expired session is gone from the database");

            var invitations = new Invitations(db, clock, new AccountMail(new ltsportal.mail.MailTemplates("http://portal.test"), clock), "http://portal.test");
            String token = invitations.create(ada, "sam@example.test");
            var open = invitations.open(token).orElseThrow();
            assertTrue(invitations.accept(db, open.id()));
            assertFalse(invitations.accept(db, open.id()), "single use");
            assertTrue(invitations.open(token).isEmpty());
        }
    }
}

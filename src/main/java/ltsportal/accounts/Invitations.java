package ltsportal.accounts;

import static ltsportal.db.Tables.INVITATION;
import static ltsportal.db.Tables.ORGANIZATION;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Expiring, single-use invitation links with which a customer brings colleagues into the organization. */
public final class Invitations {
    public static final Duration VALID_FOR = Duration.ofDays(7);

    private final DSLContext db;
    private final Clock clock;

    /** {@code mail}: how an invitation is emailed to the invitee, queued with it; {@code baseUrl}: where its link points. */
    public Invitations(DSLContext db, Clock clock, AccountMail mail, String baseUrl) {
        this.db = db;
        this.clock = clock;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    public record Open(long id, long orgId, String orgName, String email, Instant expiresAt, long invitedBy) {
    }

    private final AccountMail mail;
    private final String baseUrl;

    /** Creates an invitation from the acting customer's organization; returns the link's token. */
    public String create(User inviter, String email) {
        if (inviter.orgId() == null) {
            throw new SecurityException("only members of an organization invite to it");
        }
        String token = Tokens.random();
        Instant now = clock.instant();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = tx.insertInto(INVITATION)
                    .set(INVITATION.ORG_ID, inviter.orgId())
                    .set(INVITATION.EMAIL_KEY, Emails.key(email))
                    .set(INVITATION.TOKEN_HASH, Tokens.hash(token))
                    .set(INVITATION.INVITED_BY, inviter.id())
                    .set(INVITATION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(INVITATION.EXPIRES_AT, now.plus(VALID_FOR).atOffset(ZoneOffset.UTC))
                    .returning(INVITATION.ID).fetchOne(INVITATION.ID);
            mail.invitation(tx, email.strip(), inviter.displayName(), inviter.orgName(), baseUrl + "/invitations/" + token, id, VALID_FOR);
        });
        return token;
    }

    public Optional<Open> open(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return db.select(INVITATION.ID, INVITATION.ORG_ID, ORGANIZATION.NAME, INVITATION.EMAIL_KEY, INVITATION.EXPIRES_AT,
                        INVITATION.INVITED_BY)
                .from(INVITATION).join(ORGANIZATION).on(ORGANIZATION.ID.eq(INVITATION.ORG_ID))
                .where(INVITATION.TOKEN_HASH.eq(Tokens.hash(token)))
                .and(INVITATION.ACCEPTED_AT.isNull()).and(INVITATION.REVOKED_AT.isNull())
                .and(INVITATION.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)))
                .fetchOptional(r -> new Open(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(), r.value6()));
    }

    /** Marks the invitation used, once: false when another request used it first or it expired. */
    boolean accept(DSLContext tx, long id) {
        return tx.update(INVITATION)
                .set(INVITATION.ACCEPTED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(INVITATION.ID.eq(id))
                .and(INVITATION.ACCEPTED_AT.isNull()).and(INVITATION.REVOKED_AT.isNull())
                .and(INVITATION.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)))
                .execute() == 1;
    }

    /** The organization's invitations still open, for its members. */
    public List<Open> pending(User member) {
        if (member.orgId() == null) {
            return List.of();
        }
        return db.select(INVITATION.ID, INVITATION.ORG_ID, ORGANIZATION.NAME, INVITATION.EMAIL_KEY, INVITATION.EXPIRES_AT,
                        INVITATION.INVITED_BY)
                .from(INVITATION).join(ORGANIZATION).on(ORGANIZATION.ID.eq(INVITATION.ORG_ID))
                .where(INVITATION.ORG_ID.eq(member.orgId()))
                .and(INVITATION.ACCEPTED_AT.isNull()).and(INVITATION.REVOKED_AT.isNull())
                .and(INVITATION.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)))
                .orderBy(INVITATION.CREATED_AT.desc())
                .fetch(r -> new Open(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(), r.value6()));
    }

    /** The inviter takes an open invitation back: its link stops working. Whether there was one to take back. */
    public boolean revoke(User inviter, long id) {
        return db.update(INVITATION).set(INVITATION.REVOKED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(INVITATION.ID.eq(id), INVITATION.INVITED_BY.eq(inviter.id()), INVITATION.ACCEPTED_AT.isNull(),
                        INVITATION.REVOKED_AT.isNull()).execute() == 1;
    }

    /** The purge job's part: invitations never accepted that expired or were revoked 30 days ago or more. */
    public int purgeExpired() {
        var before = clock.instant().minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC);
        return db.deleteFrom(INVITATION).where(INVITATION.ACCEPTED_AT.isNull())
                .and(INVITATION.EXPIRES_AT.lt(before).or(INVITATION.REVOKED_AT.lt(before))).execute();
    }
}

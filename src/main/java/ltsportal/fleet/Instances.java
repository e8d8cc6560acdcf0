package ltsportal.fleet;

import static ltsportal.db.Tables.INSTANCE;
import static ltsportal.db.Tables.ORGANIZATION;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ltsportal.accounts.Role;
import ltsportal.accounts.Tokens;
import ltsportal.accounts.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The instances repository. Every read and write takes the acting user: a customer reaches only their own
 * organization's instances (another's answers as absent), staff read all of them and change none.
 */
public final class Instances {
    /** How many instances one organization may register. */
    public static final int MAX_PER_ORGANIZATION = 200;

    private final DSLContext db;
    private final Clock clock;

    public Instances(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The fields a customer types, already checked ({@link InstanceForm}). */
    public record Values(String name, String version, String deployment, String edition, String topology, boolean geo, String note) {
    }

    /** Why a write did not happen, for the field it concerns; null field for the form as a whole. */
    public record Refused(String field, String message) {
    }

    private static Condition visibleTo(User actor) {
        return actor.role() == Role.CUSTOMER ? INSTANCE.ORG_ID.eq(actor.orgId()) : DSL.trueCondition();
    }

    public List<Instance> list(User actor) {
        return select().where(visibleTo(actor)).orderBy(ORGANIZATION.NAME, INSTANCE.NAME_KEY).fetch(Instances::instance);
    }

    public Optional<Instance> find(User actor, long id) {
        return select().where(INSTANCE.ID.eq(id)).and(visibleTo(actor)).fetchOptional(Instances::instance);
    }

    /** The instance of the customer's organization with this name (case-insensitive), for a booking's prefill and completion. */
    public Optional<Instance> byName(long orgId, String name) {
        return select().where(INSTANCE.ORG_ID.eq(orgId), INSTANCE.NAME_KEY.eq(key(name))).fetchOptional(Instances::instance);
    }

    /** Registers an instance for the customer's organization; the new id, or why not. */
    public Result create(User customer, Values v) {
        requireCustomer(customer);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            lockOrganization(tx, customer.orgId());
            if (tx.fetchExists(INSTANCE, INSTANCE.ORG_ID.eq(customer.orgId()), INSTANCE.NAME_KEY.eq(key(v.name())))) {
                return new Result(null, new Refused("name", "Your organization already has an instance named \u201c" + v.name()
                        + "\u201d. Give this one another name, or edit that one."));
            }
            if (tx.fetchCount(INSTANCE, INSTANCE.ORG_ID.eq(customer.orgId())) >= MAX_PER_ORGANIZATION) {
                return new Result(null, new Refused(null, "Your organization has registered " + MAX_PER_ORGANIZATION
                        + " instances, the most it can. Remove one you no longer run first."));
            }
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            long id = tx.insertInto(INSTANCE)
                    .set(INSTANCE.ORG_ID, customer.orgId()).set(INSTANCE.NAME, v.name()).set(INSTANCE.NAME_KEY, key(v.name()))
                    .set(INSTANCE.VERSION, v.version()).set(INSTANCE.DEPLOYMENT, v.deployment()).set(INSTANCE.EDITION, v.edition())
                    .set(INSTANCE.TOPOLOGY, v.topology()).set(INSTANCE.GEO, v.geo()).set(INSTANCE.NOTE, v.note())
                    .set(INSTANCE.CREATED_AT, now).set(INSTANCE.UPDATED_AT, now)
                    .returningResult(INSTANCE.ID).fetchSingle().value1();
            return new Result(id, null);
        });
    }

    /** Changes an instance of the customer's organization; refused when the new name is taken by another. */
    public Result update(User customer, long id, Values v) {
        requireCustomer(customer);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            lockOrganization(tx, customer.orgId());
            if (!tx.fetchExists(INSTANCE, INSTANCE.ID.eq(id), INSTANCE.ORG_ID.eq(customer.orgId()))) {
                return new Result(null, new Refused(null, "That instance does not exist."));
            }
            if (tx.fetchExists(INSTANCE, INSTANCE.ORG_ID.eq(customer.orgId()), INSTANCE.NAME_KEY.eq(key(v.name())), INSTANCE.ID.ne(id))) {
                return new Result(null, new Refused("name", "Your organization already has an instance named \u201c" + v.name() + "\u201d."));
            }
            tx.update(INSTANCE).set(INSTANCE.NAME, v.name()).set(INSTANCE.NAME_KEY, key(v.name())).set(INSTANCE.VERSION, v.version())
                    .set(INSTANCE.DEPLOYMENT, v.deployment()).set(INSTANCE.EDITION, v.edition()).set(INSTANCE.TOPOLOGY, v.topology())
                    .set(INSTANCE.GEO, v.geo()).set(INSTANCE.NOTE, v.note())
                    .set(INSTANCE.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .where(INSTANCE.ID.eq(id)).execute();
            return new Result(id, null);
        });
    }

    public boolean delete(User customer, long id) {
        requireCustomer(customer);
        return db.deleteFrom(INSTANCE).where(INSTANCE.ID.eq(id), INSTANCE.ORG_ID.eq(customer.orgId())).execute() == 1;
    }

    /** A new check-in token for the instance (the old one stops working); the token, shown once. */
    public Optional<String> rotateToken(User customer, long id) {
        requireCustomer(customer);
        String token = "lts_" + Tokens.random();
        int changed = db.update(INSTANCE).set(INSTANCE.TOKEN_HASH, Tokens.hash(token))
                .set(INSTANCE.TOKEN_CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(INSTANCE.ID.eq(id), INSTANCE.ORG_ID.eq(customer.orgId())).execute();
        return changed == 1 ? Optional.of(token) : Optional.empty();
    }

    /** No token any more: check-ins for this instance answer 401 until a new one is made. */
    public boolean revokeToken(User customer, long id) {
        requireCustomer(customer);
        return db.update(INSTANCE).setNull(INSTANCE.TOKEN_HASH).setNull(INSTANCE.TOKEN_CREATED_AT)
                .where(INSTANCE.ID.eq(id), INSTANCE.ORG_ID.eq(customer.orgId())).execute() == 1;
    }

    /** The instance a check-in token belongs to: the token is the only credential a check-in carries. */
    public Optional<Instance> byToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return select().where(INSTANCE.TOKEN_HASH.eq(Tokens.hash(token))).fetchOptional(Instances::instance);
    }

    /** Records a checked-in version (already parsed and normalised) and when it came. */
    public void checkIn(long id, String version) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        db.update(INSTANCE).set(INSTANCE.VERSION, version).set(INSTANCE.CHECKED_IN_AT, now).set(INSTANCE.UPDATED_AT, now)
                .where(INSTANCE.ID.eq(id)).execute();
    }

    /**
     * A booking of this organization completed on {@code version}: the instance of that name, if registered, now
     * runs it. In the completing transaction {@code tx}; whether an instance was updated.
     */
    public static boolean reached(DSLContext tx, Instant at, long orgId, String instanceName, String version) {
        return tx.update(INSTANCE).set(INSTANCE.VERSION, version).set(INSTANCE.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .where(INSTANCE.ORG_ID.eq(orgId), INSTANCE.NAME_KEY.eq(key(instanceName))).execute() > 0;
    }

    public record Result(Long id, Refused refused) {
    }

    /** A new address for the organization's feed and calendar (the old one answers 404 from now on); the token. */
    public String rotateFeedToken(User customer) {
        requireCustomer(customer);
        String token = Tokens.random();
        db.update(ORGANIZATION).set(ORGANIZATION.INSTANCES_FEED_HASH, Tokens.hash(token)).where(ORGANIZATION.ID.eq(customer.orgId())).execute();
        return token;
    }

    public boolean hasFeedToken(User customer) {
        return customer.orgId() != null && db.fetchExists(ORGANIZATION, ORGANIZATION.ID.eq(customer.orgId()),
                ORGANIZATION.INSTANCES_FEED_HASH.isNotNull());
    }

    /** The organization (id and name) whose feed address carries this token. */
    public Optional<org.jooq.Record2<Long, String>> organizationByFeedToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return db.select(ORGANIZATION.ID, ORGANIZATION.NAME).from(ORGANIZATION)
                .where(ORGANIZATION.INSTANCES_FEED_HASH.eq(Tokens.hash(token))).fetchOptional();
    }

    /** Every organization's instances on these release lines ("18.10"), for the end-of-support warnings. */
    public List<Instance> onLines(java.util.Collection<String> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        return select().where(DSL.or(lines.stream().map(l -> INSTANCE.VERSION.like(l + ".%")).toList()))
                .orderBy(INSTANCE.ID).fetch(Instances::instance);
    }

    /** Every instance of one organization, for its feed (the feed's token stands for the organization). */
    List<Instance> ofOrganization(long orgId) {
        return select().where(INSTANCE.ORG_ID.eq(orgId)).orderBy(INSTANCE.NAME_KEY).fetch(Instances::instance);
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void lockOrganization(DSLContext tx, long orgId) {
        tx.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.ID.eq(orgId)).forUpdate().fetch();
    }

    private static void requireCustomer(User actor) {
        if (actor == null || actor.role() != Role.CUSTOMER || actor.orgId() == null) {
            throw new SecurityException("only a customer changes their organization's instances");
        }
    }

    private org.jooq.SelectJoinStep<Record> select() {
        return db.select(INSTANCE.fields()).select(ORGANIZATION.NAME).from(INSTANCE)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(INSTANCE.ORG_ID));
    }

    private static Instance instance(Record r) {
        var i = r.into(INSTANCE);
        return new Instance(i.getId(), i.getOrgId(), r.get(ORGANIZATION.NAME), i.getName(), i.getVersion(), i.getDeployment(),
                i.getEdition(), i.getTopology(), i.getGeo(), i.getNote(), i.getTokenHash() != null,
                i.getCheckedInAt() == null ? null : i.getCheckedInAt().toInstant(), i.getUpdatedAt().toInstant());
    }
}

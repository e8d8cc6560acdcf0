package ltsportal.accounts;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ORGANIZATION;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer organizations. A name is taken once, whatever its case, spacing, invisible characters or
 * look-alike letters: names are compared by their confusable skeleton (NFKC case folding, then ICU's
 * {@link SpoofChecker} skeleton), so "Acme Robotics" with a no-break space, a zero-width space or a
 * Greek Alpha is the same name. A sign-up makes a pending organization; staff approve or suspend it.
 */
public final class Organizations {
    private static final Logger LOG = LoggerFactory.getLogger(Organizations.class);
    /** The longest organization name: the column's width. */
    public static final int NAME_MAX = 200;
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Words that do not tell two companies apart when names are compared loosely. */
    private static final List<String> LEGAL_FORMS = List.of("inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "sa",
            "sas", "bv", "co", "corp", "corporation", "company", "plc", "kg", "oy", "ab", "as", "srl", "spa", "pty");

    public enum Status {
        PENDING, APPROVED, SUSPENDED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    private Organizations() {
    }

    /** The name as shown: trimmed, runs of white space made one space. */
    public static String display(String name) {
        return name.strip().replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ");
    }

    public static String key(String name) {
        return display(name).toLowerCase(Locale.ROOT);
    }

    /** The name's confusable skeleton: equal for names a reader cannot tell apart. */
    public static String skeleton(String name) {
        String folded = NFKC_CASEFOLD.normalize(name).strip().replaceAll("\\s+", " ");
        return NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(folded));
    }

    /** The skeleton with punctuation, spaces and legal forms dropped: "ACME Robotics, Inc." is "acmerobotics". */
    static String loose(String name) {
        // Legal forms are dropped before the skeleton, which spells some letters differently ("m" as "rn").
        StringBuilder out = new StringBuilder();
        for (String word : NFKC_CASEFOLD.normalize(name).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                out.append(word);
            }
        }
        return out.isEmpty() ? "" : skeleton(out.toString());
    }

    /** Whether two names are close enough that a person should look twice (same loose form, or one or two letters apart). */
    public static boolean similar(String a, String b) {
        return looselySimilar(loose(a), loose(b));
    }

    /** {@link #similar} on names already made {@link #loose}. */
    private static boolean looselySimilar(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        return Math.min(x.length(), y.length()) >= 5 && distance(x, y) <= 2;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    public static boolean taken(DSLContext db, String name) {
        return db.fetchExists(ORGANIZATION, ORGANIZATION.NAME_SKELETON.eq(skeleton(name)).or(ORGANIZATION.NAME_KEY.eq(key(name))));
    }

    /** An organization trusted from the start (demo data, tests, organizations staff create). */
    public static long create(DSLContext tx, String name, Instant now) {
        return create(tx, name, now, Status.APPROVED);
    }

    public static long create(DSLContext tx, String name, Instant now, Status status) {
        return tx.insertInto(ORGANIZATION)
                .set(ORGANIZATION.NAME, display(name))
                .set(ORGANIZATION.NAME_KEY, key(name))
                .set(ORGANIZATION.NAME_SKELETON, skeleton(name))
                .set(ORGANIZATION.STATUS, status.key())
                .set(ORGANIZATION.STATUS_CHANGED_AT, now.atOffset(ZoneOffset.UTC))
                .set(ORGANIZATION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(ORGANIZATION.ID)
                .fetchOne(ORGANIZATION.ID);
    }

    /**
     * Organizations from before skeletons were kept get theirs. Two older names with the same skeleton
     * keep none (the unique index allows that) and are logged, for an admin to look at.
     */
    public static void backfillSkeletons(DSLContext db) {
        for (var r : db.selectFrom(ORGANIZATION).where(ORGANIZATION.NAME_SKELETON.isNull()).fetch()) {
            try {
                db.update(ORGANIZATION).set(ORGANIZATION.NAME_SKELETON, skeleton(r.getName()))
                        .where(ORGANIZATION.ID.eq(r.getId())).execute();
            } catch (IntegrityConstraintViolationException e) {
                LOG.warn("Organization {} ('{}') looks like another organization's name; left for an admin to review",
                        r.getId(), r.getName());
            }
        }
    }

    /** One organization as staff see it on /admin/organizations. */
    public record Summary(long id, String name, Status status, String reason, Instant createdAt, int members,
                          List<String> lookAlikes) {
    }

    /** Every organization, pending ones first, each with the names of others it resembles. */
    public static List<Summary> all(DSLContext db, User staff) {
        if (staff == null || !staff.staff()) {
            throw new SecurityException("only staff list organizations");
        }
        var rows = db.select(ORGANIZATION.fields()).select(org.jooq.impl.DSL.count(APP_USER.ID).as("members"))
                .from(ORGANIZATION).leftJoin(APP_USER).on(APP_USER.ORG_ID.eq(ORGANIZATION.ID))
                .groupBy(ORGANIZATION.fields())
                .orderBy(org.jooq.impl.DSL.when(ORGANIZATION.STATUS.eq("pending"), 0).otherwise(1), ORGANIZATION.CREATED_AT.desc())
                .fetch();
        // Each name made loose once, not once per pair.
        List<String> loose = rows.stream().map(r -> loose(r.get(ORGANIZATION.NAME))).toList();
        List<Summary> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            String name = r.get(ORGANIZATION.NAME);
            List<String> like = new ArrayList<>();
            for (int j = 0; j < rows.size(); j++) {
                if (j != i && looselySimilar(loose.get(i), loose.get(j))) {
                    like.add(rows.get(j).get(ORGANIZATION.NAME));
                }
            }
            out.add(new Summary(r.get(ORGANIZATION.ID), name, Status.of(r.get(ORGANIZATION.STATUS)), r.get(ORGANIZATION.STATUS_REASON),
                    r.get(ORGANIZATION.CREATED_AT).toInstant(), r.get("members", Integer.class), like));
        }
        return out;
    }

    public static java.util.Optional<Summary> byId(DSLContext db, User staff, long id) {
        return all(db, staff).stream().filter(s -> s.id() == id).findFirst();
    }

    /**
     * Moves an organization to a status (a compare-and-swap on the row, locked): whether it changed.
     * Suspending locks the row first, so no booking of it can be made while its bookings are cancelled.
     */
    public static boolean setStatus(DSLContext db, long id, Status from, Status to, String reason, Instant now) {
        return db.update(ORGANIZATION).set(ORGANIZATION.STATUS, to.key()).set(ORGANIZATION.STATUS_REASON, reason)
                .set(ORGANIZATION.STATUS_CHANGED_AT, now.atOffset(ZoneOffset.UTC))
                .where(ORGANIZATION.ID.eq(id), ORGANIZATION.STATUS.eq(from.key())).execute() == 1;
    }
}

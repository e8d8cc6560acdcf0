package ltsportal.accounts;

import static ltsportal.db.Tables.ORGANIZATION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jooq.DSLContext;

/** Customer organizations. A name is taken once, whatever its case and spacing. */
public final class Organizations {
    /** The longest organization name: the column's width. */
    public static final int NAME_MAX = 200;

    private Organizations() {
    }

    public static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static boolean taken(DSLContext db, String name) {
        return db.fetchExists(ORGANIZATION, ORGANIZATION.NAME_KEY.eq(key(name)));
    }

    public static long create(DSLContext tx, String name, Instant now) {
        return tx.insertInto(ORGANIZATION)
                .set(ORGANIZATION.NAME, name.strip().replaceAll("\\s+", " "))
                .set(ORGANIZATION.NAME_KEY, key(name))
                .set(ORGANIZATION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(ORGANIZATION.ID)
                .fetchOne(ORGANIZATION.ID);
    }
}

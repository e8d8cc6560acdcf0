package ltsportal.catalog;

import static ltsportal.db.Tables.CATALOG_REVISION;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Remembers when each catalog content was first served, shared by every portal instance (the content's history).
 * The validators clients see ({@code last_modified}, ETags, a calendar's DTSTAMP) come from the content itself
 * ({@link Revision#of}), so every instance, fresh database or not, answers the same bytes on the same day.
 */
public final class CatalogRevisions {
    private final DSLContext db;

    public CatalogRevisions(DSLContext db) {
        this.db = db;
    }

    /** The catalog's revision: its hash and when it last changed. */
    public record Revision(String hash, Instant lastModified) {

        /**
         * The revision as the content says it: its hash, and its newest change, the latest of the data's date
         * ({@code dataAsOf}) and every release and patch date in it, at 00:00 UTC.
         */
        public static Revision of(Catalog catalog) {
            java.time.LocalDate newest = catalog.product().dataAsOf();
            for (ReleaseLine l : catalog.lines()) {
                for (java.time.LocalDate d : new java.time.LocalDate[] {l.releaseDate(), l.latestReleaseDate()}) {
                    if (d != null && d.isAfter(newest)) {
                        newest = d;
                    }
                }
            }
            return new Revision(catalog.contentHash(), newest.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    public Revision record(Catalog catalog, Instant now) {
        db.insertInto(CATALOG_REVISION)
                .set(CATALOG_REVISION.CONTENT_HASH, catalog.contentHash())
                .set(CATALOG_REVISION.RELEASE_LINES, catalog.lines().size())
                .set(CATALOG_REVISION.FIRST_SEEN_AT, now.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        Instant firstSeen = db.select(CATALOG_REVISION.FIRST_SEEN_AT)
                .from(CATALOG_REVISION)
                .where(CATALOG_REVISION.CONTENT_HASH.eq(catalog.contentHash()))
                .fetchSingle(CATALOG_REVISION.FIRST_SEEN_AT)
                .toInstant();
        return new Revision(catalog.contentHash(), firstSeen);
    }
}

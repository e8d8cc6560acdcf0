package ltsportal.catalog;

import static ltsportal.db.Tables.CATALOG_REVISION;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** Remembers when each catalog content was first served, shared by every portal instance. */
public final class CatalogRevisions {
    private final DSLContext db;

    public CatalogRevisions(DSLContext db) {
        this.db = db;
    }

    /** The catalog's revision: its hash and the moment any instance first served this content. */
    public record Revision(String hash, Instant lastModified) {
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

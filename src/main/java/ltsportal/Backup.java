package ltsportal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Backups of the embedded H2 database as SQL scripts (H2's SCRIPT and RUNSCRIPT: every table, row,
 * sequence and the migration history). A script is taken in one statement, so it is consistent while
 * the portal runs; a restore goes into an empty database only. PostgreSQL has pg_dump and pg_restore.
 */
public final class Backup {
    private Backup() {
    }

    /** Writes the whole database as SQL to {@code out}. */
    public static void script(DSLContext db, Writer out) throws IOException {
        for (var row : db.fetch("SCRIPT")) {
            out.write(row.get(0, String.class));
            out.write('\n');
        }
    }

    public static void backup(DSLContext db, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            script(db, out);
        }
    }

    /** Runs a backup script into an empty database; refuses one that has tables already. */
    public static void restore(DSLContext db, Path file) {
        if (!db.meta().getTables().stream().filter(t -> t.getSchema() != null
                && !t.getSchema().getName().equalsIgnoreCase("INFORMATION_SCHEMA")).toList().isEmpty()) {
            throw new IllegalArgumentException("the database is not empty: restore into a new, empty database");
        }
        db.execute("RUNSCRIPT FROM " + DSL.inline(file.toAbsolutePath().toString()));
    }

    static boolean embedded(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** GET /admin/backup.sql: an admin downloads the running portal's embedded database as a script. */
    public record Download(DSLContext db, boolean embedded, java.time.Clock clock) {
        public void handle(io.javalin.http.Context ctx) throws IOException {
            if (!embedded) {
                throw new ltsportal.web.PageNotFound("This portal runs on PostgreSQL: back it up with pg_dump (see the README).");
            }
            java.io.StringWriter out = new java.io.StringWriter();
            script(db, out);
            ctx.header("Content-Disposition", "attachment; filename=\"lts-portal-" + java.time.LocalDate.now(clock) + ".sql\"");
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/sql; charset=utf-8").result(out.toString());
        }
    }
}

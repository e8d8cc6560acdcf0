package ltsportal;

import ltsportal.accounts.CreateAdminCommand;
import ltsportal.accounts.DemoAccounts;
import ltsportal.catalog.Catalog;
import ltsportal.notes.ContentError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the portal, or runs one of its commands: {@code check-content}, {@code create-admin EMAIL}. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("net.fortuna.ical4j.timezone.cache.impl", "net.fortuna.ical4j.util.MapTimeZoneCache");
        String command = args.length == 0 ? "serve" : args[0];
        try {
            Config config = Config.fromEnvironment(System.getenv());
            switch (command) {
                case "serve" -> serve(config);
                case "check-content" -> {
                    Content content = Content.load(config.contentDir());
                    Catalog catalog = content.catalog();
                    System.out.println("content OK: " + catalog.lines().size() + " release lines, "
                            + catalog.oldest().name() + " to " + catalog.newest().name() + ", "
                            + content.upgradeRules().stops().size() + " upgrade stops, "
                            + content.upgradeRules().alerts().size() + " alerts");
                }
                case "create-admin" -> {
                    if (args.length != 2) {
                        System.err.println("usage: java -jar target/lts-portal.jar create-admin EMAIL");
                        System.exit(2);
                    }
                    try (var dataSource = Database.pool(config.dbUrl(), config.dbUser(), config.dbPassword())) {
                        Database.migrate(dataSource);
                        int code = CreateAdminCommand.run(Database.dsl(dataSource, config.dbUrl()), config.clock(),
                                args[1], CreateAdminCommand.TERMINAL, System.out);
                        System.exit(code);
                    }
                }
                case "backup", "restore" -> System.exit(backupOrRestore(config, command, args));
                default -> {
                    System.err.println("unknown command '" + command + "'. Commands: check-content, create-admin EMAIL,"
                            + " backup FILE, restore FILE");
                    System.exit(2);
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("lts-portal: " + e.getMessage());
            System.exit(1);
        } catch (ContentError | IllegalArgumentException e) {
            System.err.println("lts-portal: " + e.getMessage());
            System.exit(1);
        }
    }

    /** backup FILE and restore FILE for the embedded database; PostgreSQL has pg_dump and pg_restore. */
    private static int backupOrRestore(Config config, String command, String[] args) throws java.io.IOException {
        if (args.length != 2) {
            System.err.println("usage: java -jar target/lts-portal.jar " + command + " FILE");
            return 2;
        }
        if (!Backup.embedded(config.dbUrl())) {
            System.err.println("PORTAL_DB_URL is PostgreSQL: use pg_dump and pg_restore (see the README's Backups).");
            return 2;
        }
        java.nio.file.Path file = java.nio.file.Path.of(args[1]);
        try (var dataSource = Database.pool(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            var db = Database.dsl(dataSource, config.dbUrl());
            if (command.equals("backup")) {
                Backup.backup(db, file);
                System.out.println("backed up to " + file);
            } else {
                Backup.restore(db, file);
                System.out.println("restored from " + file);
            }
            return 0;
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            System.err.println("lts-portal: " + command + " failed: " + (why.contains("locked") || why.contains("in use")
                    ? "the database is in use by a running portal; download /admin/backup.sql as an admin, or stop it first"
                    : why));
            return 1;
        }
    }

    private static void serve(Config config) {
        Content content = Content.load(config.contentDir());
        Catalog catalog = content.catalog();
        var dataSource = Database.pool(config.dbUrl(), config.dbUser(), config.dbPassword());
        Database.migrate(dataSource);
        var db = Database.dsl(dataSource, config.dbUrl());
        if (config.demo()) {
            Demo.seed(db, config.clock(), config.demoPassword(), content);
            Demo.showcase(db, config.clock(), content);
            LOG.info("Demo mode: accounts {} with the password from PORTAL_DEMO_PASSWORD", DemoAccounts.emails());
        } else if (db.fetchCount(ltsportal.db.Tables.APP_USER) == 0) {
            LOG.info("No accounts yet. Create the first admin with: java -jar target/lts-portal.jar create-admin EMAIL"
                    + " (PORTAL_DEMO=true seeds demo accounts instead, for trying the portal)");
        }
        var health = new Health(db, dataSource);
        var app = App.create(new App.Dependencies(config.baseUrl(), config.https(), db, config.clock(), content,
                config.demo(), health, config.clientAddress(), config.mail()));
        app.start(config.port());
        LOG.info("LTS Portal serving {} release lines on {} (clock: {})",
                catalog.lines().size(), config.baseUrl(), config.clock());
        // SIGTERM (a deploy, a scale-down) drains: /readyz answers 503 at once, the server stops taking
        // connections, requests in flight finish (up to App.STOP_TIMEOUT_MS), the pool closes, exit 0.
        // SIGINT (Ctrl-C) does the same.
        Runnable drain = () -> {
            LOG.info("Shutting down: draining requests in flight");
            health.drain();
            app.stop();
            dataSource.close();
            LOG.info("Stopped");
        };
        for (String name : new String[]{"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                drain.run();
                System.exit(0);
            });
        }
    }
}

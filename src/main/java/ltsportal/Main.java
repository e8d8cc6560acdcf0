package ltsportal;

import ltsportal.accounts.CreateAdminCommand;
import ltsportal.accounts.DemoAccounts;
import ltsportal.catalog.Catalog;
import ltsportal.notes.ContentError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the portal, or runs one of its commands: {@code check-content}, {@code create-admin EMAIL},
 * {@code backup FILE}, {@code restore FILE}, {@code update-content}, {@code warm-up}.
 */
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
                case "warm-up" -> warmUp(config);
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
                case "update-content" -> System.exit(ltsportal.updates.UpdateCommand.run(args, System.getenv(), config.contentDir(),
                        java.time.Clock.systemUTC(), System.out, System.err, Content::load));
                default -> {
                    System.err.println("unknown command '" + command + "'. Commands: check-content, create-admin EMAIL,"
                            + " backup FILE, restore FILE, update-content [--dry-run] [--source URL] [--stops URL], warm-up");
                    System.exit(2);
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("lts-portal: " + e.getMessage());
            System.exit(1);
        } catch (ContentError | IllegalArgumentException | IllegalStateException e) {
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

    /** A started portal: what stopping it needs. */
    private record Running(io.javalin.Javalin app, Health health, com.zaxxer.hikari.HikariDataSource dataSource, Content content) {
        void stop() {
            health.drain();
            app.stop();
            dataSource.close();
        }
    }

    /**
     * Starts the portal. The content (Markdown through flexmark, about a quarter of a second) and the password
     * hasher's first hash are made on other threads while the database pool opens and Flyway migrates, so
     * the three overlap instead of adding up.
     */
    private static Running start(Config config) {
        var contentLoad = java.util.concurrent.CompletableFuture.supplyAsync(() -> Content.load(config.contentDir()));
        java.util.concurrent.CompletableFuture.runAsync(ltsportal.accounts.Passwords::warmUp);
        var demoHash = config.demo()
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> ltsportal.accounts.Passwords.hash(config.demoPassword()))
                : null;
        var dataSource = Database.pool(config.dbUrl(), config.dbUser(), config.dbPassword());
        Content content;
        try {
            Database.migrate(dataSource);
            content = join(contentLoad);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        var db = Database.dsl(dataSource, config.dbUrl());
        if (config.demo()) {
            Demo.seedHashed(db, config.clock(), join(demoHash), content);
            Demo.showcase(db, config.clock(), content);
            LOG.info("Demo mode: accounts {} with the password from PORTAL_DEMO_PASSWORD", DemoAccounts.emails());
        } else if (db.fetchCount(ltsportal.db.Tables.APP_USER) == 0) {
            LOG.info("No accounts yet. Create the first admin with: java -jar target/lts-portal.jar create-admin EMAIL"
                    + " (PORTAL_DEMO=true seeds demo accounts instead, for trying the portal)");
        }
        var health = new Health(db, dataSource);
        var app = App.create(new App.Dependencies(config.baseUrl(), config.https(), db, config.clock(), content,
                config.demo() ? DemoAccounts.emails() : java.util.List.of(), health, config.clientAddress(), config.mail(),
                config.jobs()));
        app.start(config.port());
        // the port it got (PORTAL_PORT=0 asks for any free one)
        LOG.info("Listening on port {}", app.port());
        return new Running(app, health, dataSource, content);
    }

    /** The value of a start-up task, its own exception (a content error) thrown as it was. */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void serve(Config config) {
        Running running = start(config);
        LOG.info("LTS Portal serving {} release lines on {} (clock: {})",
                running.content().catalog().lines().size(), config.baseUrl(), config.clock());
        // SIGTERM (a deploy, a scale-down) drains: /readyz answers 503 at once, the server stops taking
        // connections, requests in flight finish (up to App.STOP_TIMEOUT_MS), the pool closes, exit 0.
        // SIGINT (Ctrl-C) does the same.
        Runnable drain = () -> {
            LOG.info("Shutting down: draining requests in flight");
            running.stop();
            LOG.info("Stopped");
        };
        for (String name : new String[]{"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                // On a thread that keeps the JVM alive: the signal's own thread is a daemon, so once Jetty's threads
                // had stopped the JVM exited under it, before the pool closed and "Stopped" was logged.
                Thread stopping = new Thread(() -> {
                    drain.run();
                    System.exit(0);
                }, "shutdown");
                stopping.setDaemon(false);
                stopping.start();
            });
        }
    }

    /**
     * {@code warm-up}: the package step's training run for the AppCDS archive (see pom.xml). Starts a demo portal
     * on an in-memory database and a free port, asks it for the pages a visitor, a customer and a manager open
     * first, and stops, so that the classes those need are in the archive the next start maps from disk.
     */
    private static void warmUp(Config config) throws java.io.IOException {
        Config demo = new Config(0, "jdbc:h2:mem:warm-up;DB_CLOSE_DELAY=-1", "sa", "", config.contentDir(), config.baseUrl(),
                config.clock(), true, config.demoPassword(), config.clientAddress(), ltsportal.mail.MailConfig.none(config.baseUrl()),
                ltsportal.jobs.JobsConfig.DEFAULTS);
        Running running = start(demo);
        try {
            String base = "http://127.0.0.1:" + running.app().port();
            var catalog = running.content().catalog();
            var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            int asked = 0;
            int answered = 0;
            for (String path : new String[]{"/", "/gitlab", "/gitlab/" + catalog.newest().name(),
                    "/gitlab/plan?from=" + catalog.oldest().latest() + "&to=" + catalog.newest().name(),
                    "/api/v1/products/gitlab", "/api/v1/plan?from=" + catalog.oldest().latest(), "/gitlab/feed.atom",
                    "/gitlab/calendar.ics", "/gitlab/timeline.svg", "/static/portal.css", "/spikes", "/login"}) {
                asked++;
                answered += get(http, base + path) < 500 ? 1 : 0;
            }
            String login = getBody(http, base + "/login");
            var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            if (csrf.find()) {
                for (String email : new String[]{"customer@demo.test", "manager@demo.test"}) {
                    var form = "_csrf=" + csrf.group(1) + "&email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                            + "&password=" + java.net.URLEncoder.encode(demo.demoPassword(), java.nio.charset.StandardCharsets.UTF_8);
                    asked++;
                    answered += http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 303 ? 1 : 0;
                    for (String path : new String[]{"/spikes", "/spikes/1", "/bookings", "/bookings/1", "/account"}) {
                        asked++;
                        answered += get(http, base + path) < 500 ? 1 : 0;
                    }
                    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/logout"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                    http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
                    login = getBody(http, base + "/login");
                    csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
                    if (!csrf.find()) {
                        break;
                    }
                }
            }
            System.out.println("warm-up: " + answered + " of " + asked + " requests answered");
            if (answered < asked) {
                // a training run that no longer signs in or fails pages would quietly make a poorer archive
                throw new IllegalStateException("warm-up: " + (asked - answered) + " requests failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.stop();
        }
    }

    private static int get(java.net.http.HttpClient http, String url) throws java.io.IOException, InterruptedException {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String getBody(java.net.http.HttpClient http, String url) throws java.io.IOException, InterruptedException {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}

package ltsportal.support;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import ltsportal.Content;
import org.jooq.DSLContext;
import ltsportal.catalog.Catalog;
import ltsportal.App;

/** The real portal on a random port, a fresh database holding the test fixture ({@link Fixture}) and a fixed clock. */
public final class TestPortal implements AutoCloseable {
    public static final String BASE_URL = "http://portal.test";
    private static Content sharedContent;

    public static final String DEMO_PASSWORD = Fixture.PASSWORD;
    /**
     * Tests talk to the portal as if through a reverse proxy on 127.0.0.1, so a request can say which
     * client address it comes from with X-Forwarded-For (see {@link WebClient#from}).
     */
    static final ltsportal.web.ClientAddress TRUSTED_PROXY = ltsportal.web.ClientAddress.trusting("127.0.0.1");

    private final Javalin app;
    /** The database this portal runs on (a second portal may share it). */
    public TestDatabase database() {
        return database;
    }

    /** The background jobs; tests run them by hand ({@link #deliverMail()}, {@code jobs.run("purge")}). */
    public final ltsportal.jobs.Jobs jobs;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    public final Instant now;
    public final MutableClock clock;
    public final DSLContext db;
    public final ltsportal.Health health;
    private final TestDatabase database;
    /** Whether the database is this portal's own, dropped on close. */
    private final boolean owned;
    private final boolean https;

    private TestPortal(Instant now, TestDatabase database, boolean owned, boolean https, ltsportal.mail.MailConfig mail) {
        this.database = database;
        this.owned = owned;
        this.https = https;
        this.now = now;
        this.clock = new MutableClock(now);
        this.db = database.seeded ? database.dsl() : database.migratedDsl();
        if (!database.seeded) {
            Fixture.seed(db, now);
        }
        this.health = new ltsportal.Health(db, database.dataSource);
        var deps = new App.Dependencies(https ? "https://portal.test" : BASE_URL, https, db, clock, content(), Fixture.emails(), health,
                TRUSTED_PROXY, mail == null ? ltsportal.mail.MailConfig.none(BASE_URL) : mail, ltsportal.jobs.JobsConfig.DEFAULTS);
        var built = App.build(deps);
        this.jobs = built.jobs();
        this.app = built.app().start("127.0.0.1", 0);
    }

    /** The portal on a fresh H2 database holding the fixture as seeded at {@code instant}, the clock there. */
    public static TestPortal at(String instant) {
        return at("h2", instant);
    }

    /** The portal as deployed behind https (the test still talks plain HTTP to it). */
    public static TestPortal https(String instant) {
        return new TestPortal(Instant.parse(instant), TestDatabase.seeded("h2", Instant.parse(instant)), true, true, null);
    }

    /** The portal on a fresh database of the kind named ({@code h2} or {@code postgresql}) holding the fixture, dropped on close. */
    public static TestPortal at(String database, String instant) {
        return new TestPortal(Instant.parse(instant), TestDatabase.seeded(database, Instant.parse(instant)), true, false, null);
    }

    /** The portal on a database of the test's (migrated and seeded first if it is empty), which the test closes. */
    public static TestPortal on(TestDatabase database, String instant) {
        return new TestPortal(Instant.parse(instant), database, false, false, null);
    }

    /** The portal on a fresh database of the kind named holding the fixture, sending its mail to an SMTP server on {@code smtpPort}. */
    public static TestPortal withMail(String database, String instant, int smtpPort) {
        return new TestPortal(Instant.parse(instant), TestDatabase.seeded(database, Instant.parse(instant)), true, false,
                ltsportal.mail.MailConfig.local(smtpPort, BASE_URL));
    }

    /** A second portal on the same database as this one, with its own sender to the same SMTP server. */
    public static TestPortal alongside(TestDatabase database, String instant, int smtpPort) {
        return new TestPortal(Instant.parse(instant), database, false, false, ltsportal.mail.MailConfig.local(smtpPort, BASE_URL));
    }

    /** The path of the newest link to {@code path} (with its token) in mail queued for {@code email}, as the recipient would click it. */
    public String mailedLink(String email, String path) {
        var bodies = db.select(ltsportal.db.Tables.OUTBOX_MESSAGE.TEXT_BODY).from(ltsportal.db.Tables.OUTBOX_MESSAGE)
                .where(ltsportal.db.Tables.OUTBOX_MESSAGE.RECIPIENT_EMAIL.equalIgnoreCase(email))
                .orderBy(ltsportal.db.Tables.OUTBOX_MESSAGE.ID.desc()).fetch(ltsportal.db.Tables.OUTBOX_MESSAGE.TEXT_BODY);
        var pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(BASE_URL) + "(" + java.util.regex.Pattern.quote(path)
                + "[^\\s]*)");
        for (String body : bodies) {
            var m = pattern.matcher(body);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no mail to " + email + " links to " + path);
    }

    /**
     * One round of the jobs that queue mail (reminders, alerts, the fleet snapshot), then of the outbox job: how many
     * messages were sent, or -1 if the outbox job failed (the mail server is down).
     */
    public int deliverMail() {
        for (String job : java.util.List.of("reminders", "lifecycle-alerts", "instance-alerts", "fleet-snapshot")) {
            if (jobs.run(job) < 0) {
                throw new AssertionError("the " + job + " job failed: " + jobs.runs().latest().get(job).error());
            }
        }
        return jobs.run("outbox");
    }

    /**
     * The booking's plan review, approved, as if its customer had sent a plan and an engineer approved it:
     * for tests about what follows (confirming, staffing). The review itself has its own tests.
     */
    public void approvedReview(long bookingId) {
        var now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        long customer = db.select(ltsportal.db.Tables.BOOKING.CREATED_BY).from(ltsportal.db.Tables.BOOKING)
                .where(ltsportal.db.Tables.BOOKING.ID.eq(bookingId)).fetchSingle().value1();
        db.insertInto(ltsportal.db.Tables.BOOKING_REVIEW).set(ltsportal.db.Tables.BOOKING_REVIEW.BOOKING_ID, bookingId)
                .set(ltsportal.db.Tables.BOOKING_REVIEW.STATUS, "approved").set(ltsportal.db.Tables.BOOKING_REVIEW.PLAN_MD, "plan")
                .set(ltsportal.db.Tables.BOOKING_REVIEW.ROLLBACK_MD, "rollback").set(ltsportal.db.Tables.BOOKING_REVIEW.TOPOLOGY, "one node")
                .set(ltsportal.db.Tables.BOOKING_REVIEW.BACKUP_VERIFIED, true).set(ltsportal.db.Tables.BOOKING_REVIEW.SUBMITTED_BY, customer)
                .set(ltsportal.db.Tables.BOOKING_REVIEW.SUBMITTED_AT, now).execute();
    }

    /** A fresh visitor with its own cookies, like one browser. */
    public WebClient visitor() {
        return new WebClient(this);
    }

    /** A visitor signed in as one of the demo accounts. */
    /**
     * A client signed in as {@code email}. A fixture account that may sign in (enabled, its address confirmed) gets a
     * session as the sign-in form would start it, without the form: the form's password hash takes about a tenth of a
     * second, hundreds of times a run, and the form has its own tests (SessionsHttpTest, SignInThrottleHttpTest,
     * SecondFactorHttpTest, the browser journeys). Any other account signs in through the form ({@link #signedInThroughTheForm}).
     */
    public WebClient signedIn(String email) {
        var user = db.select(ltsportal.db.Tables.APP_USER.ID, ltsportal.db.Tables.APP_USER.DISABLED,
                        ltsportal.db.Tables.APP_USER.EMAIL_VERIFIED_AT).from(ltsportal.db.Tables.APP_USER)
                .where(ltsportal.db.Tables.APP_USER.EMAIL.eq(email)).fetchOptional();
        if (!Fixture.emails().contains(email) || user.isEmpty() || user.get().value2() || user.get().value3() == null) {
            return signedInThroughTheForm(email);
        }
        String id = new ltsportal.accounts.Sessions(db, clock).start(user.get().value1(),
                new ltsportal.accounts.Sessions.Client("127.0.0.1", "Java-http-client (test)"));
        String csrfToken = db.select(ltsportal.db.Tables.USER_SESSION.CSRF_TOKEN).from(ltsportal.db.Tables.USER_SESSION)
                .where(ltsportal.db.Tables.USER_SESSION.ID_HASH.eq(ltsportal.accounts.Tokens.hash(id))).fetchSingle().value1();
        WebClient client = visitor();
        client.session(new ltsportal.accounts.SessionCookies(https).sessionName(), id, csrfToken, URI.create(url("/")));
        return client;
    }

    /** A client signed in through the sign-in form, password and all. */
    public WebClient signedInThroughTheForm(String email) {
        WebClient client = visitor();
        var response = client.post("/login", java.util.Map.of("email", email, "password", DEMO_PASSWORD));
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in as " + email + " failed: " + response.statusCode());
        }
        return client;
    }

    /**
     * A frozen copy of the content, loaded once for all tests: updating the live content/ (a new patch,
     * a new release line) never changes what a test sees. ReferenceDataTest and check-content check
     * the live content/.
     */
    public static final Path FIXTURE_CONTENT = Path.of("src/test/resources/fixture/content");

    public static synchronized Content content() {
        if (sharedContent == null) {
            sharedContent = Content.load(FIXTURE_CONTENT);
        }
        return sharedContent;
    }

    public static Catalog catalog() {
        return content().catalog();
    }

    /** Every HTTP endpoint the app declares, for checks that must cover all routes. */
    public java.util.List<io.javalin.router.ParsedEndpoint> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A GET whose body is read as bytes (a gzipped answer, say). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // Nothing is in flight when a test ends but the test client's idle keep-alive connections, which Jetty
        // would otherwise give its shutdown idle timeout (a second each stop, minutes over the suite).
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                c.setShutdownIdleTimeout(1);
            }
        }
        app.stop();
        if (owned) {
            database.close();
        }
    }
}

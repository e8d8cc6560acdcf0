package ltsportal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import ltsportal.accounts.User;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ltsportal.jobs.JobRuns;
import ltsportal.jobs.Jobs;
import java.util.Map;
import java.util.List;
import ltsportal.accounts.Access;
import ltsportal.accounts.AccountPages;
import ltsportal.accounts.Auth;
import ltsportal.accounts.SessionCookies;
import ltsportal.accounts.Role;
import ltsportal.accounts.AdminPages;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Invitations;
import ltsportal.accounts.LoginPages;
import ltsportal.accounts.LoginThrottle;
import ltsportal.accounts.Sessions;
import ltsportal.accounts.AuditPages;
import ltsportal.accounts.Organizations;
import ltsportal.accounts.SecondFactor;
import ltsportal.accounts.SecondFactorPages;
import ltsportal.accounts.SessionPages;
import ltsportal.accounts.SignInChallenges;
import ltsportal.organizations.OrganizationPages;
import ltsportal.accounts.SignIn;
import ltsportal.accounts.Signup;
import ltsportal.accounts.SignupPages;
import ltsportal.accounts.Users;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.CatalogApi;
import ltsportal.catalog.CatalogPages;
import ltsportal.catalog.CatalogRevisions;
import ltsportal.catalog.Feeds;
import ltsportal.catalog.SupportCheck;
import ltsportal.catalog.TimelineChart;
import ltsportal.notes.Markdown;
import ltsportal.planner.PlanApi;
import ltsportal.spikes.BookingPages;
import ltsportal.spikes.BookingService;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.ManageSpikePages;
import ltsportal.spikes.SpikeApi;
import ltsportal.spikes.SpikePages;
import ltsportal.spikes.Spikes;
import ltsportal.planner.PlanPages;
import ltsportal.planner.Planner;
import ltsportal.web.ClientAddress;
import ltsportal.web.DateText;
import ltsportal.web.RequestLimits;
import ltsportal.web.Errors;
import ltsportal.web.LastResortErrors;
import ltsportal.web.SecurityHeaders;
import ltsportal.web.Templates;
import ltsportal.web.ZonedText;
import ltsportal.staffing.Assignments;
import ltsportal.staffing.Capacity;
import ltsportal.staffing.EngineerPages;
import ltsportal.staffing.Engineers;
import ltsportal.staffing.SchedulePages;
import ltsportal.staffing.StaffingApi;
import ltsportal.staffing.StaffingBoard;
import ltsportal.staffing.StaffingPages;
import ltsportal.staffing.Suggestions;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the portal from explicit dependencies and returns it unstarted, so that Main starts it on
 * its port and tests on port 0.
 */
public final class App {
    private static final Logger REQUESTS = LoggerFactory.getLogger("requests");
    /** How long a stopping instance waits for requests in flight. */
    public static final long STOP_TIMEOUT_MS = 20_000;

    private App() {
    }

    /**
     * What the portal is built from. {@code demoAccounts}: in demo mode the demo accounts' addresses (listed on the
     * sign-in page, signing in without a second factor), empty in a real deployment.
     */
    public record Dependencies(String baseUrl, boolean https, DSLContext db, Clock clock, Content content, List<String> demoAccounts,
                               Health health, ClientAddress clientAddress, ltsportal.mail.MailConfig mail,
                               ltsportal.jobs.JobsConfig jobs) {
        Catalog catalog() {
            return content.catalog();
        }

        boolean demo() {
            return !demoAccounts.isEmpty();
        }
    }

    /** What every page knows of who is asking: the user (or null), their zone, the CSRF token, a flash. */
    public record Viewer(User user, ZonedText local, String csrf, String flash) {
        static Viewer of(Context ctx, Sessions sessions) {
            User user = Auth.user(ctx);
            return new Viewer(user, new ZonedText(user == null ? ZoneOffset.UTC : user.zone()), Auth.csrf(ctx),
                    sessions.takeFlash(Auth.session(ctx)));
        }
    }

    /**
     * The path as the request log shows it: an invitation link's token is a credential, so it never
     * reaches the log (the other tokens travel in query strings, which are not logged at all).
     */
    static String loggedPath(String path) {
        return path.startsWith("/invitations/") ? "/invitations/[redacted]" : path;
    }

    /** The jobs' reader of every instance (the snapshot and the alerts act for no one person). */
    private static final User FLEET_READER = new User(0, "fleet@lts-portal", "Fleet jobs", "UTC", Role.MANAGER, null, null, false);

    public static Javalin create(Dependencies deps) {
        return build(deps).app();
    }

    /** The portal and its background jobs, which start and stop with it (tests also run them by hand). */
    public record Built(Javalin app, Jobs jobs) {
    }

    public static Built build(Dependencies deps) {
        new CatalogRevisions(deps.db()).record(deps.catalog(), deps.clock().instant());
        var revision = CatalogRevisions.Revision.of(deps.catalog());
        var check = new SupportCheck(deps.catalog());
        var planner = new Planner(deps.catalog(), deps.content().upgradeRules());
        var timeline = new TimelineChart(deps.catalog(), deps.clock());
        var spikes = new Spikes(deps.db());
        var invite = new ltsportal.spikes.OpenSpikeInvite(spikes, deps.clock());
        // rendered public answers, per day; pages only for visitors without a session
        var publicCache = new ltsportal.web.PublicCache(deps.clock(), ctx -> Auth.session(ctx) != null, 5_000).logHitRate();
        var features = new Routes.Features(
                new CatalogPages(deps.catalog(), check, timeline, invite, deps.clock()),
                new CatalogApi(deps.catalog(), check, deps.clock(), revision, deps.baseUrl()),
                timeline,
                new Feeds(deps.catalog(), deps.clock(), deps.baseUrl(), revision),
                new PlanPages(planner, deps.content().upgradeRules(), invite, deps.clock(), deps.baseUrl()),
                new PlanApi(planner, deps.clock(), deps.baseUrl()), publicCache);
        var cookies = new SessionCookies(deps.https());
        var users = new Users(deps.db());
        var sessions = new Sessions(deps.db(), deps.clock());
        var audit = new AuditLog(deps.db(), deps.clock());
        var mailTemplates = new ltsportal.mail.MailTemplates(deps.baseUrl());
        var accountMail = new ltsportal.accounts.AccountMail(mailTemplates, deps.clock());
        var emailTokens = new ltsportal.accounts.EmailTokens(deps.db(), deps.clock());
        var invitations = new Invitations(deps.db(), deps.clock(), accountMail, deps.baseUrl());
        var throttle = new LoginThrottle(deps.db(), deps.clock());
        var bookings = new Bookings(deps.db());
        var outbox = new ltsportal.mail.Outbox(deps.db(), deps.clock(), deps.mail().claim());
        var bookingInvitations = new ltsportal.spikes.BookingCalendar(deps.baseUrl(), deps.mail().support());
        var bookingMail = new ltsportal.spikes.BookingMail(mailTemplates, deps.clock(), bookingInvitations);
        var bookingService = new BookingService(deps.db(), deps.clock(), bookingMail);
        Organizations.backfillSkeletons(deps.db());
        var secondFactor = new SecondFactor(deps.db(), deps.clock(),
                java.util.Set.copyOf(deps.demoAccounts()));
        var challenges = new SignInChallenges(deps.db(), deps.clock());
        var loginPages = new LoginPages(new SignIn(users, sessions, throttle, audit), sessions, audit, cookies, deps.clock(),
                deps.demoAccounts(), secondFactor, challenges, new ltsportal.spikes.BookingLanding(deps.db()));
        var accounts = new Routes.AccountFeatures(
                loginPages,
                new SignupPages(new Signup(deps.db(), users, invitations, deps.clock(), emailTokens, accountMail), invitations, sessions,
                        audit, cookies, users, deps.demo() && !deps.mail().sends()),
                new AccountPages(users, sessions, invitations, audit, throttle, deps.clock(), deps.baseUrl(), deps.mail().support()),
                new SessionPages(sessions, audit),
                new AdminPages(deps.db(), users, sessions, audit, deps.clock()),
                new AuditPages(audit),
                new OrganizationPages(deps.db(), bookings, spikes, bookingService, audit, deps.clock()),
                new SecondFactorPages(secondFactor, challenges, loginPages, users, sessions, cookies, audit));
        var engineers = new Engineers(deps.db());
        var capacity = new Capacity(deps.db(), engineers);
        var instances = new ltsportal.fleet.Instances(deps.db(), deps.clock());
        var bookingForm = new ltsportal.spikes.BookingFormPages(spikes, bookingService, planner, deps.clock(), audit,
                customer -> instances.list(customer).stream().map(i -> new ltsportal.spikes.InstancePrefill.Choice(
                        i.id(), i.name(), i.version(), i.deployment(), i.edition(), i.topology(), i.geo())).toList());
        var attachments = new ltsportal.assistance.Attachments(deps.db(), deps.clock());
        var assistanceMail = new ltsportal.assistance.AssistanceMail(mailTemplates, deps.clock());
        var reviews = new ltsportal.assistance.Reviews(deps.db(), deps.clock(), assistanceMail);
        var messages = new ltsportal.assistance.Messages(deps.db(), deps.clock(), new Markdown(), assistanceMail);
        var assistance = new ltsportal.assistance.AssistanceSections(reviews, messages, attachments, new Markdown());
        var bookingPages = new BookingPages(spikes, bookings, bookingService, planner, deps.clock(), audit,
                new ltsportal.spikes.Completion(deps.db(), deps.clock(), planner, new Markdown(), ltsportal.fleet.Instances::reached),
                assistance, bookingInvitations);
        var conversation = new ltsportal.assistance.AssistancePages(reviews, messages, bookingPages, audit);
        var spikeApi = new SpikeApi(spikes, bookings, assistance);
        var spikeFeatures = new Routes.SpikeFeatures(
                new SpikePages(spikes, deps.clock()),
                bookingForm,
                bookingPages,
                new ManageSpikePages(spikes, bookings, deps.catalog(), new Markdown(), deps.clock(), capacity::recompute, audit,
                        new ltsportal.spikes.WindowChanges(deps.db(), deps.clock(), bookingMail)),
                spikeApi,
                conversation,
                new ltsportal.assistance.ReviewQueue(deps.db(), bookings, spikes, deps.clock()),
                new ltsportal.assistance.AttachmentPages(attachments, bookingPages, audit),
                new ltsportal.assistance.ReportPages(new ltsportal.assistance.SpikeReports(deps.db(), bookings), spikes));
        var assignments = new Assignments(deps.db(), deps.clock(), new ltsportal.staffing.StaffingMail(mailTemplates, deps.clock(), deps.mail().support()));
        var board = new StaffingBoard(deps.db(), spikes, bookings, engineers, assignments);
        var suggestions = new Suggestions(deps.db(), engineers, assignments);
        var staffing = new Routes.StaffingFeatures(
                new EngineerPages(engineers, spikes, capacity, audit),
                new StaffingPages(spikes, bookings, engineers, board, assignments, suggestions, audit),
                new SchedulePages(engineers, assignments, bookings, audit, deps.clock(), deps.baseUrl()),
                new StaffingApi(engineers, spikes, bookings, board, suggestions));
        var templates = new Templates(Map.of(
                "product", deps.catalog().product(),
                "baseUrl", deps.baseUrl(),
                "dataAsOf", DateText.absoluteDate(deps.catalog().product().dataAsOf()),
                "supportEmail", deps.mail().support()), ctx -> Viewer.of(ctx, sessions));

        java.util.function.Supplier<List<ltsportal.fleet.InstanceStatus>> fleetNow = () -> instances.list(FLEET_READER).stream()
                .map(i -> ltsportal.fleet.InstanceStatus.of(i, check, java.time.LocalDate.now(deps.clock()))).toList();
        var snapshots = new ltsportal.fleet.FleetSnapshots(deps.db(), deps.clock(), fleetNow);
        var fleet = new Routes.FleetFeatures(
                new ltsportal.fleet.InstancePages(instances, check, invite, audit, deps.clock(), deps.baseUrl()),
                new ltsportal.fleet.CheckInApi(instances, check, deps.clock(), deps.baseUrl()),
                new ltsportal.fleet.FleetPages(instances, check, snapshots, planner, deps.catalog(), deps.clock()));
        var sender = new ltsportal.mail.OutboxSender(outbox,
                deps.mail().sends() ? new ltsportal.mail.SmtpMailer(deps.mail(), deps.baseUrl()) : null);
        var reminders = new ltsportal.spikes.Reminders(deps.db(), deps.clock(), mailTemplates, planner);
        var lifecycleAlerts = new ltsportal.spikes.LifecycleAlerts(deps.db(), deps.clock(), mailTemplates, deps.catalog());
        var instanceAlerts = new ltsportal.fleet.InstanceAlerts(deps.db(), deps.clock(), mailTemplates, instances, deps.catalog(), invite);
        var jobRuns = new JobRuns(deps.db());
        var jobs = new Jobs(BackgroundJobs.of(deps.mail().pollMillis(), deps.jobs().outboxKeepDays(), new BackgroundJobs.Work(sender::runOnce, reminders::run, lifecycleAlerts::run,
                instanceAlerts::run, snapshots::run,
                () -> sessions.purgeExpired() + throttle.purgeQuiet() + emailTokens.purgeExpired() + challenges.purgeExpired()
                        + invitations.purgeExpired() + outbox.purgeSent(deps.jobs().outboxKeepDays()) + jobRuns.purge(Instant.now()))),
                jobRuns, Jobs.thisInstance(), Clock.systemUTC());
        var app = Javalin.create(config -> {
            if (deps.mail().pollMillis() > 0) {
                config.events.serverStarted(() -> jobs.start(Jobs.dataSourceOf(deps.db()), Duration.ofMillis(deps.mail().pollMillis()),
                        deps.jobs().lease()));
            }
            config.events.serverStopping(jobs::close);
            config.fileRenderer(templates);
            config.startup.showJavalinBanner = false;
            config.http.generateEtags = false;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new LastResortErrors(deps.https()));
                // On stop, requests in flight get up to 20 seconds to finish; new connections are refused.
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
                files.mimeTypes.add("text/css; charset=utf-8", "css");
                files.mimeTypes.add("text/javascript; charset=utf-8", "js");
                files.roles = java.util.Set.of(Role.ANYONE);
            });
            config.requestLogger.http((ctx, ms) ->
                    REQUESTS.info("{} {} {} {}ms", ctx.method(), loggedPath(ctx.path()), ctx.statusCode(), Math.round(ms)));
            // At DEBUG (PORTAL_REQUEST_LOG=DEBUG), each request is also logged as it starts, to see what is in flight.
            config.routes.before(ctx -> {
                if (REQUESTS.isDebugEnabled()) {
                    REQUESTS.debug("{} {} started", ctx.method(), loggedPath(ctx.path()));
                }
            });
            config.http.maxRequestSize = RequestLimits.MAX_BODY;
            // Uploads (a booking's attachments) are bounded by their declared length first (RequestLimits);
            // the parser holds up to 1 MB of a file in memory and spools the rest to a temporary file.
            config.jetty.multipartConfig.maxFileSize(RequestLimits.MAX_UPLOAD_BODY, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(RequestLimits.MAX_UPLOAD_BODY, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            deps.clientAddress().register(config.routes);
            SecurityHeaders.register(config.routes, deps.https());
            RequestLimits.register(config.routes);
            Auth.register(config.routes, sessions, cookies);
            Auth.registerFlash(config.routes, sessions);
            Access.register(config.routes);
            ltsportal.web.Cors.register(config.routes, ctx -> ctx.routeRoles().contains(Role.ANYONE));
            Errors.register(config.routes);
            Routes.declare(config.routes, deps.health(), new Routes.Operations(new Backup.Download(deps.db(),
                    deps.db().dialect() == org.jooq.SQLDialect.H2, deps.clock()), new ltsportal.jobs.JobPages(jobs, deps.mail().pollMillis() > 0)),
                    features, accounts, spikeFeatures, staffing, new Routes.MailFeatures(new ltsportal.mail.OutboxPages(outbox),
                    new ltsportal.accounts.EmailPages(deps.db(), users, emailTokens, accountMail, sessions, cookies, audit)), fleet);
        });
        ltsportal.web.HeadAndOptions.add(app, Role.ANYONE);
        return new Built(app, jobs);
    }
}

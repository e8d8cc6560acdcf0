package ltsportal;

import static ltsportal.accounts.Role.ADMIN;
import static ltsportal.accounts.Role.ANYONE;
import static ltsportal.accounts.Role.CUSTOMER;
import static ltsportal.accounts.Role.ENGINEER;
import static ltsportal.accounts.Role.MANAGER;

import io.javalin.config.RoutesConfig;
import ltsportal.accounts.AccountPages;
import ltsportal.accounts.Role;
import ltsportal.accounts.AdminPages;
import ltsportal.accounts.AuditPages;
import ltsportal.accounts.SecondFactorPages;
import ltsportal.accounts.SessionPages;
import ltsportal.accounts.LoginPages;
import ltsportal.accounts.SignupPages;
import ltsportal.spikes.BookingPages;
import ltsportal.spikes.ManageSpikePages;
import ltsportal.spikes.SpikeApi;
import ltsportal.spikes.SpikePages;
import ltsportal.staffing.EngineerPages;
import ltsportal.staffing.SchedulePages;
import ltsportal.staffing.StaffingApi;
import ltsportal.staffing.StaffingPages;
import ltsportal.catalog.CatalogApi;
import ltsportal.catalog.CatalogPages;
import ltsportal.catalog.Feeds;
import ltsportal.catalog.TimelineChart;
import ltsportal.planner.PlanApi;
import ltsportal.planner.PlanPages;
import ltsportal.web.PublicCache;
import io.javalin.http.Context;

/** Every route of the portal, each with the role it needs. {@link ltsportal.accounts.Access} enforces the roles. */
public final class Routes {
    private Routes() {
    }

    /** {@code cache} keeps the public answers that change only with the content and the day. */
    public record Features(CatalogPages catalogPages, CatalogApi catalogApi, TimelineChart timeline, Feeds feeds,
                           PlanPages planPages, PlanApi planApi, PublicCache cache) {
    }

    public record AccountFeatures(LoginPages login, SignupPages signup, AccountPages account, SessionPages sessions, AdminPages admin,
                                  AuditPages audit, ltsportal.organizations.OrganizationPages organizations,
                                  SecondFactorPages secondFactor) {
    }

    public record SpikeFeatures(SpikePages spikes, ltsportal.spikes.BookingFormPages bookingForm, BookingPages bookings,
                                ManageSpikePages manage, SpikeApi api,
                                ltsportal.assistance.AssistancePages assistance, ltsportal.assistance.ReviewQueue reviews,
                                ltsportal.assistance.AttachmentPages attachments, ltsportal.assistance.ReportPages reports) {
    }

    /** Running the portal, for admins: the live backup and the background jobs. */
    public record Operations(Backup.Download backup, ltsportal.jobs.JobPages jobs) {
    }

    /** Mail: the outbox for admins; what arrives by email (confirming an address, resetting a password) and the settings. */
    public record MailFeatures(ltsportal.mail.OutboxPages outbox, ltsportal.accounts.EmailPages email) {
    }

    public record StaffingFeatures(EngineerPages engineers, StaffingPages staffing, SchedulePages schedule, StaffingApi api) {
    }

    /** Customers' instances, their check-ins, and the fleet dashboard for staff. */
    public record FleetFeatures(ltsportal.fleet.InstancePages instances, ltsportal.fleet.CheckInApi checkIn,
                                ltsportal.fleet.FleetPages fleet) {
    }

    /** Every signed-in user, whatever the role. */
    private static final Role[] SIGNED_IN = {CUSTOMER, ENGINEER, MANAGER, ADMIN};

    /** Support staff who work on bookings. */
    private static final Role[] SUPPORT = {ENGINEER, MANAGER};
    /** Everyone on the support side, admins included. */
    private static final Role[] STAFF = {ENGINEER, MANAGER, ADMIN};
    /** Who plans spikes. */
    private static final Role[] PLANNERS = {MANAGER, ADMIN};

    static void declare(RoutesConfig routes, Health health, Operations ops, Features f, AccountFeatures a,
                        SpikeFeatures s, StaffingFeatures t, MailFeatures m, FleetFeatures fl) {
        // For load balancers and monitors: the process serves; it should get traffic
        routes.get("/healthz", health::live, ANYONE);
        routes.get("/readyz", health::ready, ANYONE);

        // Version catalog: pages. Served from PublicCache (per day, strong ETags, gzip made once): pages for
        // signed-out visitors, files and the API for everyone; a query string on a by-path answer renders afresh.
        PublicCache c = f.cache();
        java.util.function.Function<Context, String> byPath = PublicCache::byPath;
        routes.get("/", c.page(f.catalogPages()::home, f.catalogPages()::homeKey), ANYONE);
        routes.get("/gitlab", c.page(f.catalogPages()::lifecycle, byPath), ANYONE);
        routes.get("/gitlab/timeline.svg", c.shared(f.timeline()::svg, byPath), ANYONE);
        routes.get("/gitlab/feed.atom", c.shared(f.feeds()::atom, byPath), ANYONE);
        routes.get("/gitlab/calendar.ics", c.shared(f.feeds()::calendar, byPath), ANYONE);
        routes.get("/gitlab/{cycle}/feed.atom", c.shared(f.feeds()::scopedAtom, byPath), ANYONE);
        routes.get("/gitlab/{cycle}/calendar.ics", c.shared(f.feeds()::scopedCalendar, byPath), ANYONE);

        // Upgrade planner (declared before /gitlab/{cycle}, which would match "plan" too); cached per normalised query
        routes.get("/gitlab/plan", c.page(f.planPages()::page, ctx -> f.planPages().cacheKey(ctx, true)), ANYONE);
        routes.get("/gitlab/plan/print", c.page(f.planPages()::print, ctx -> f.planPages().cacheKey(ctx, false)), ANYONE);
        routes.get("/gitlab/plan.md", f.planPages()::markdown, ANYONE);
        routes.get("/api/v1/plan", c.shared(f.planApi()::plan, ctx -> f.planPages().cacheKey(ctx, false)), ANYONE);

        routes.get("/gitlab/{cycle}", c.page(f.catalogPages()::line, byPath), ANYONE);

        // Version catalog: API in endoflife.date's shapes, and the support check
        routes.get("/api/gitlab.json", c.shared(f.catalogApi()::v0All, byPath), ANYONE);
        routes.get("/api/gitlab/{cycle}.json", c.shared(f.catalogApi()::v0One, byPath), ANYONE);
        routes.get("/api/v1/products/gitlab", c.shared(f.catalogApi()::v1Product, byPath), ANYONE);
        routes.get("/api/v1/products/gitlab/releases/{cycle}", c.shared(f.catalogApi()::v1Release, byPath), ANYONE);
        routes.get("/api/v1/check", f.catalogApi()::check, ANYONE);
        routes.get("/api/v1/status", f.catalogApi()::status, ANYONE);
        // The rest of endoflife.date's API, for clients written for it: a catalogue of one product
        routes.get("/api/all.json", c.shared(f.catalogApi()::v0Products, byPath), ANYONE);
        routes.get("/api/gitlab", ctx -> ctx.redirect("/api/gitlab.json", io.javalin.http.HttpStatus.MOVED_PERMANENTLY), ANYONE);
        routes.get("/api/v1", c.shared(f.catalogApi()::v1Index, byPath), ANYONE);
        routes.get("/api/v1/products", c.shared(f.catalogApi()::v1Products, byPath), ANYONE);
        routes.get("/api/v1/products/full", c.shared(f.catalogApi()::v1ProductsFull, byPath), ANYONE);
        routes.get("/api/v1/categories", f.catalogApi()::v1Categories, ANYONE);
        routes.get("/api/v1/categories/{category}", f.catalogApi()::v1Category, ANYONE);
        routes.get("/api/v1/tags", f.catalogApi()::v1Tags, ANYONE);
        routes.get("/api/v1/tags/{tag}", f.catalogApi()::v1Tag, ANYONE);
        routes.get("/api/v1/identifiers", f.catalogApi()::v1Identifiers, ANYONE);
        routes.get("/api/v1/identifiers/{type}", f.catalogApi()::v1IdentifiersOfType, ANYONE);

        // Accounts: sign-in, sign-up, invitations
        routes.get("/login", a.login()::form, ANYONE);
        routes.post("/login", a.login()::login, ANYONE);
        routes.post("/logout", a.login()::logout, ANYONE);
        routes.get("/login/code", a.secondFactor()::codeForm, ANYONE);
        routes.post("/login/code", a.secondFactor()::code, ANYONE);
        routes.get("/login/enrol", a.secondFactor()::enrolForm, ANYONE);
        routes.get("/login/enrol/qr.png", a.secondFactor()::enrolQr, ANYONE);
        routes.post("/login/enrol", a.secondFactor()::enrol, ANYONE);
        routes.get("/signup", a.signup()::form, ANYONE);
        routes.post("/signup", a.signup()::signup, ANYONE);
        routes.get("/invitations/{token}", a.signup()::invitationForm, ANYONE);
        routes.post("/invitations/{token}", a.signup()::accept, ANYONE);

        // Accounts: one's own
        routes.get("/account", a.account()::profile, SIGNED_IN);
        routes.post("/account", a.account()::updateProfile, SIGNED_IN);
        routes.get("/account/password", a.account()::passwordForm, SIGNED_IN);
        routes.post("/account/password", a.account()::changePassword, SIGNED_IN);
        routes.get("/account/sessions", a.sessions()::list, SIGNED_IN);
        routes.get("/account/two-factor", a.secondFactor()::page, SIGNED_IN);
        routes.post("/account/two-factor/start", a.secondFactor()::startSetup, SIGNED_IN);
        routes.get("/account/two-factor/setup", a.secondFactor()::setupForm, SIGNED_IN);
        routes.get("/account/two-factor/qr.png", a.secondFactor()::setupQr, SIGNED_IN);
        routes.post("/account/two-factor/setup", a.secondFactor()::setup, SIGNED_IN);
        routes.post("/account/two-factor/recovery-codes", a.secondFactor()::newRecoveryCodes, SIGNED_IN);
        routes.post("/account/two-factor/disable", a.secondFactor()::disable, SIGNED_IN);
        routes.post("/account/sessions/end-others", a.sessions()::endOthers, SIGNED_IN);
        routes.post("/account/sessions/{handle}/end", a.sessions()::end, SIGNED_IN);
        routes.get("/account/invitations", a.account()::invitationsPage, CUSTOMER);
        routes.post("/account/invitations", a.account()::invite, CUSTOMER);
        routes.post("/account/invitations/{id}/revoke", a.account()::revokeInvitation, CUSTOMER);
        // Email: confirming an address, a forgotten password, what a user hears of
        routes.get("/account/verify", m.email()::verifyForm, ANYONE);
        routes.post("/account/verify", m.email()::verify, ANYONE);
        routes.get("/account/verify/resend", m.email()::resendForm, ANYONE);
        routes.post("/account/verify/resend", m.email()::resend, ANYONE);
        routes.get("/password/forgot", m.email()::forgotForm, ANYONE);
        routes.post("/password/forgot", m.email()::forgot, ANYONE);
        routes.get("/password/reset", m.email()::resetForm, ANYONE);
        routes.post("/password/reset", m.email()::reset, ANYONE);
        routes.get("/account/notifications", m.email()::notifications, SIGNED_IN);
        routes.post("/account/notifications", m.email()::saveNotifications, SIGNED_IN);

        // Administration
        routes.get("/admin/users", a.admin()::list, ADMIN);
        routes.post("/admin/users", a.admin()::create, ADMIN);
        routes.post("/admin/users/{id}/disable", a.admin()::disable, ADMIN);
        routes.post("/admin/users/{id}/enable", a.admin()::enable, ADMIN);
        routes.post("/admin/users/{id}/role", a.admin()::changeRole, ADMIN);
        routes.post("/admin/users/{id}/reset-second-factor", a.secondFactor()::reset, ADMIN);
        routes.get("/admin/audit", a.audit()::page, ADMIN);
        routes.get("/admin/audit.csv", a.audit()::csv, ADMIN);
        routes.get("/admin/outbox", m.outbox()::list, ADMIN);
        routes.get("/admin/outbox/{id}", m.outbox()::show, ADMIN);
        routes.post("/admin/outbox/{id}/retry", m.outbox()::retry, ADMIN);
        routes.get("/admin/organizations", a.organizations()::list, PLANNERS);
        routes.post("/admin/organizations/{id}/approve", a.organizations()::approve, PLANNERS);
        routes.post("/admin/organizations/{id}/suspend", a.organizations()::suspend, PLANNERS);
        routes.get("/admin/backup.sql", ops.backup()::handle, ADMIN);
        routes.get("/admin/jobs", ops.jobs()::list, ADMIN);

        // Support spikes: customers book windows
        routes.get("/spikes", s.spikes()::list, SIGNED_IN);
        routes.get("/spikes/{id}", s.spikes()::show, SIGNED_IN);
        routes.get("/spikes/{id}/book", s.bookingForm()::form, CUSTOMER);
        routes.post("/spikes/{id}/bookings", s.bookingForm()::create, CUSTOMER);
        routes.get("/bookings", s.bookings()::list, SIGNED_IN);
        routes.get("/bookings/{id}.ics", s.bookings()::calendar, SIGNED_IN);
        routes.get("/bookings/{id}", s.bookings()::show, SIGNED_IN);
        routes.post("/bookings/{id}/reschedule", s.bookings()::reschedule, SIGNED_IN);
        routes.post("/bookings/{id}/cancel", s.bookings()::cancel, SIGNED_IN);
        routes.post("/bookings/{id}/cancel-series", s.bookings()::cancelSeries, SIGNED_IN);
        routes.post("/bookings/{id}/messages", s.assistance()::post, SIGNED_IN);
        routes.post("/bookings/{id}/review", s.assistance()::submitReview, SIGNED_IN);
        // Attachments: the only multipart route (RequestLimits refuses uploads anywhere else)
        routes.post("/bookings/{id}/attachments", s.attachments()::upload, SIGNED_IN);
        routes.get("/bookings/{id}/attachments/{attachmentId}", s.attachments()::download, SIGNED_IN);
        routes.post("/bookings/{id}/attachments/{attachmentId}/delete", s.attachments()::remove, SIGNED_IN);
        routes.post("/bookings/{id}/review/decision", s.assistance()::decide, SUPPORT);
        routes.get("/manage/reviews", s.reviews()::page, STAFF);
        routes.post("/bookings/{id}/confirm", s.bookings()::confirm, SUPPORT);
        routes.post("/bookings/{id}/complete", s.bookings()::complete, SUPPORT);
        routes.get("/api/v1/spikes", s.api()::list, SIGNED_IN);
        routes.get("/api/v1/spikes/{id}", s.api()::show, SIGNED_IN);
        routes.get("/api/v1/bookings/{id}", s.api()::booking, SIGNED_IN);

        // Support spikes: managers plan them
        routes.get("/manage/spikes", s.manage()::list, PLANNERS);
        routes.get("/manage/spikes/new", s.manage()::newForm, PLANNERS);
        routes.post("/manage/spikes", s.manage()::create, PLANNERS);
        routes.get("/manage/spikes/{id}", s.manage()::edit, PLANNERS);
        routes.post("/manage/spikes/{id}", s.manage()::update, PLANNERS);
        routes.post("/manage/spikes/{id}/windows", s.manage()::addWindow, PLANNERS);
        routes.post("/manage/spikes/{id}/windows/{windowId}", s.manage()::resizeWindow, PLANNERS);
        routes.post("/manage/spikes/{id}/windows/{windowId}/delete", s.manage()::removeWindow, PLANNERS);
        routes.get("/manage/spikes/{id}/report", s.reports()::page, PLANNERS);
        routes.get("/manage/spikes/{id}/report.csv", s.reports()::csv, PLANNERS);

        // Staffing: managers put engineers on bookings; engineers keep their shifts and schedule
        routes.get("/manage/engineers", t.engineers()::list, PLANNERS);
        routes.get("/manage/engineers/{userId}", t.engineers()::edit, PLANNERS);
        routes.post("/manage/engineers/{userId}", t.engineers()::saveProfile, PLANNERS);
        routes.post("/manage/engineers/{userId}/shifts", t.engineers()::addShift, PLANNERS);
        routes.post("/manage/engineers/{userId}/shifts/{shiftId}/delete", t.engineers()::removeShift, PLANNERS);
        routes.post("/manage/engineers/{userId}/time-off", t.engineers()::addTimeOff, PLANNERS);
        routes.post("/manage/engineers/{userId}/time-off/{timeOffId}/delete", t.engineers()::removeTimeOff, PLANNERS);
        routes.get("/manage/spikes/{id}/staffing", t.staffing()::board, PLANNERS);
        routes.post("/manage/spikes/{id}/auto-assign", t.staffing()::autoAssign, PLANNERS);
        routes.post("/bookings/{id}/assignments", t.staffing()::assign, PLANNERS);
        routes.post("/bookings/{id}/assignments/{assignmentId}/remove", t.staffing()::remove, PLANNERS);
        routes.get("/me/shifts", t.engineers()::mine, SUPPORT);
        routes.get("/me/time-off", t.engineers()::mine, SUPPORT);
        routes.post("/me/shifts", t.engineers()::addShift, SUPPORT);
        routes.post("/me/shifts/{shiftId}/delete", t.engineers()::removeShift, SUPPORT);
        routes.post("/me/time-off", t.engineers()::addTimeOff, SUPPORT);
        routes.post("/me/time-off/{timeOffId}/delete", t.engineers()::removeTimeOff, SUPPORT);
        routes.get("/me/schedule", t.schedule()::page, SUPPORT);
        routes.post("/me/schedule/token", t.schedule()::rotateToken, SUPPORT);
        // The feed is for calendar clients, which carry no session: the secret token in the URL is the key.
        routes.get("/me/schedule.ics", t.schedule()::calendar, ANYONE);
        routes.get("/api/v1/engineers", t.api()::engineers, STAFF);
        routes.get("/api/v1/spikes/{id}/staffing", t.api()::staffing, STAFF);
        routes.get("/api/v1/bookings/{id}/suggestions", t.api()::suggestions, PLANNERS);

        // Fleet: customers register their instances; a check-in (bearer token, no session) keeps a version current
        routes.get("/instances", fl.instances()::list, CUSTOMER);
        routes.post("/instances", fl.instances()::create, CUSTOMER);
        routes.post("/instances/feed", fl.instances()::rotateFeed, CUSTOMER); // before /instances/{id}, which would match "feed"
        routes.get("/instances/{id}/edit", fl.instances()::edit, CUSTOMER);
        routes.post("/instances/{id}", fl.instances()::update, CUSTOMER);
        routes.post("/instances/{id}/delete", fl.instances()::delete, CUSTOMER);
        routes.post("/instances/{id}/token", fl.instances()::rotateToken, CUSTOMER);
        routes.post("/instances/{id}/token/revoke", fl.instances()::revokeToken, CUSTOMER);
        // Calendar apps and feed readers carry no session: the organization's secret token in the URL is the key
        routes.get("/instances/calendar.ics", fl.instances()::calendar, ANYONE);
        routes.get("/instances/feed.atom", fl.instances()::atom, ANYONE);
        routes.post("/api/v1/instances/check-in", fl.checkIn()::checkIn, ANYONE);
        // Fleet: the north star for staff
        routes.get("/manage/fleet", fl.fleet()::page, STAFF);
        routes.get("/manage/fleet/{table}.csv", fl.fleet()::csv, STAFF);
        routes.get("/api/v1/fleet/summary", fl.fleet()::summary, STAFF);
    }
}

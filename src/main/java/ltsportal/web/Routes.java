package ltsportal.web;

import static ltsportal.web.Role.ANYONE;

import io.javalin.config.RoutesConfig;
import ltsportal.catalog.CatalogApi;
import ltsportal.catalog.CatalogPages;
import ltsportal.catalog.Feeds;
import ltsportal.catalog.TimelineChart;
import ltsportal.planner.PlanApi;
import ltsportal.planner.PlanPages;

/** Every route of the portal, each with the role it needs. {@link Access} enforces the roles. */
public final class Routes {
    private Routes() {
    }

    public record Features(CatalogPages catalogPages, CatalogApi catalogApi, TimelineChart timeline, Feeds feeds,
                           PlanPages planPages, PlanApi planApi) {
    }

    static void declare(RoutesConfig routes, Features f) {
        routes.get("/healthz", ctx -> ctx.result("ok"), ANYONE);

        // Version catalog: pages
        routes.get("/", f.catalogPages()::home, ANYONE);
        routes.get("/gitlab", f.catalogPages()::lifecycle, ANYONE);
        routes.get("/gitlab/timeline.svg", f.timeline()::svg, ANYONE);
        routes.get("/gitlab/feed.atom", f.feeds()::atom, ANYONE);
        routes.get("/gitlab/calendar.ics", f.feeds()::calendar, ANYONE);

        // Upgrade planner (declared before /gitlab/{cycle}, which would match "plan" too)
        routes.get("/gitlab/plan", f.planPages()::page, ANYONE);
        routes.get("/gitlab/plan/print", f.planPages()::print, ANYONE);
        routes.get("/gitlab/plan.md", f.planPages()::markdown, ANYONE);
        routes.get("/api/v1/plan", f.planApi()::plan, ANYONE);

        routes.get("/gitlab/{cycle}", f.catalogPages()::line, ANYONE);

        // Version catalog: API in endoflife.date's shapes, and the support check
        routes.get("/api/gitlab.json", f.catalogApi()::v0All, ANYONE);
        routes.get("/api/gitlab/{cycle}.json", f.catalogApi()::v0One, ANYONE);
        routes.get("/api/v1/products/gitlab", f.catalogApi()::v1Product, ANYONE);
        routes.get("/api/v1/products/gitlab/releases/{cycle}", f.catalogApi()::v1Release, ANYONE);
        routes.get("/api/v1/check", f.catalogApi()::check, ANYONE);
    }
}

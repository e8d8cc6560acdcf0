package ltsportal.planner;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import ltsportal.catalog.SpikeInvite;
import ltsportal.web.DateText;
import ltsportal.web.Form;
import ltsportal.web.Templates;

/** The planner's page, its printable runbook and its Markdown download. */
public final class PlanPages {
    private final SpikeInvite invite;
    private final Planner planner;
    private final UpgradeRules rules;
    private final Clock clock;
    private final String baseUrl;

    public PlanPages(Planner planner, UpgradeRules rules, SpikeInvite invite, Clock clock, String baseUrl) {
        this.planner = planner;
        this.invite = invite;
        this.rules = rules;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public void page(Context ctx) {
        render(ctx, "planner/plan");
    }

    public void print(Context ctx) {
        render(ctx, "planner/print");
    }

    public void markdown(Context ctx) {
        PlanForm form = PlanForm.bind(Form.ofQuery(ctx));
        if (!form.errors().isEmpty() || form.from().isEmpty()) {
            String message = form.from().isEmpty() ? "Give the version you run: ?from=15.4.6&to=18.11"
                    : String.join(" ", form.errors().values());
            ctx.status(400).contentType("text/plain; charset=utf-8").result(message + "\n");
            return;
        }
        Planner.Result result = planner.plan(form.request(), LocalDate.now(clock));
        if (result instanceof Planner.Refused r) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(r.refusal().message() + "\n");
            return;
        }
        Plan plan = ((Planner.Planned) result).plan();
        String file = "gitlab-upgrade-" + plan.from() + "-to-" + plan.to() + ".md";
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType("text/markdown; charset=utf-8")
                .result(Runbook.markdown(plan, form, baseUrl + "/gitlab/plan?" + form.query(), baseUrl));
    }

    /**
     * A plan's cache key: the path and the form's normalised query (so "?to=18.11&from=15.4.6" and its reordering
     * share an entry), with the spike the page offers when {@code withInvite}.
     */
    public String cacheKey(Context ctx, boolean withInvite) {
        PlanForm form = PlanForm.bind(Form.ofQuery(ctx));
        if (!form.errors().isEmpty()) {
            return null;
        }
        return ctx.path() + "?" + form.query()
                + (withInvite ? " " + invite.next(LocalDate.now(clock)).map(Object::toString).orElse("") : "");
    }

    /** The planner's form, and the plan once the form asks for one that exists. */
    /** {@code invite}: the open spike to book a window in, under a plan's results (null when there is none). */
    public record PlanPage(DateText dates, Planner.ConditionalChoices conditions, PlanForm form, Plan plan, InstallView install,
                           SpikeInvite.Invite invite) {
    }

    private void render(Context ctx, String template) {
        PlanForm form = PlanForm.bind(Form.ofQuery(ctx));
        LocalDate today = LocalDate.now(clock);
        Plan plan = null;
        if (form.submitted() && form.errors().isEmpty()) {
            Planner.Result result = planner.plan(form.request(), today);
            if (result instanceof Planner.Refused r) {
                form = form.withError(r.refusal().field(), r.refusal().message());
            } else {
                plan = ((Planner.Planned) result).plan();
            }
        }
        Templates.render(ctx, form.errors().isEmpty() ? 200 : Form.INVALID, template, new PlanPage(new DateText(today),
                planner.conditionalChoices(form.from(), form.to()), form, plan, new InstallView(form.editionChoice(), form.deploymentChoice()),
                plan == null ? null : invite.next(today).orElse(null)));
    }

    /** What the templates call to show install commands for the chosen deployment and edition. */
    public record InstallView(Install.Edition edition, Install.Deployment deployment) {
        public Install.Steps steps(ltsportal.catalog.Version version) {
            return Install.steps(version, edition, deployment);
        }

        public String migrationsCheck() {
            return Install.migrationsCheck(deployment);
        }

        /** The backup step as plain text (the runbook's Markdown marks its commands as code). */
        public String backup() {
            return Install.backup(deployment).replace("`", "");
        }
    }
}

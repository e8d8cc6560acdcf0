package ltsportal.planner;

import java.util.List;


/** The plan as a Markdown runbook a customer can attach to a support request. */
final class Runbook {
    private Runbook() {
    }

    static String markdown(Plan plan, PlanForm form, String permalink, String baseUrl) {
        Install.Edition edition = form.editionChoice();
        Install.Deployment deployment = form.deploymentChoice();
        StringBuilder md = new StringBuilder();
        md.append("# GitLab upgrade runbook: ").append(plan.from()).append(" to ").append(plan.to()).append("\n\n");
        md.append("- Edition: ").append(edition.name()).append('\n');
        md.append("- Deployment: ").append(deployment.label()).append('\n');
        md.append("- Mode: ").append(plan.zeroDowntime() ? "zero downtime (every minor)" : "required stops").append('\n');
        md.append("- Hops: ").append(plan.hops().size()).append('\n');
        md.append("- Path: ").append(plan.alreadyThere() ? "nothing to install"
                : String.join(" -> ", plan.path().stream().map(Object::toString).toList())).append('\n');
        md.append("- Target status: ").append(plan.targetStatus().label()).append('\n');
        md.append("- Plan online: ").append(permalink).append("\n\n");

        if (!plan.warnings().isEmpty()) {
            md.append("## Warnings\n\n");
            plan.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
            md.append('\n');
        }
        if (!plan.conditionalStops().isEmpty()) {
            md.append("## Conditional stops that may apply to you\n\n");
            for (Stop s : plan.conditionalStops()) {
                md.append("- [").append(plan.appliedConditions().contains(s) ? "x" : " ").append("] ")
                        .append(s.version()).append(": ").append(s.condition()).append('\n');
            }
            md.append('\n');
        }
        md.append("## Before you start\n\n")
                .append("- [ ] ").append(Install.backup(deployment)).append("\n")
                .append("- [ ] Check that no background migrations are running: `").append(Install.migrationsCheck(deployment))
                .append("`\n- [ ] Agree on the rollback: restore the backup taken on ").append(plan.from())
                .append(" if a hop fails.\n\n");

        for (Hop hop : plan.hops()) {
            md.append("## Hop ").append(hop.number()).append(": install ").append(hop.version())
                    .append(" (").append(hop.kind().key()).append(")\n\n");
            md.append(hop.reason()).append("\n\n");
            for (Hop.AlertGroup group : hop.alertGroups()) {
                md.append("### ").append(group.when().label()).append("\n\n");
                for (Hop.Shown shown : group.alerts()) {
                    Alert a = shown.alert();
                    md.append("- **").append(a.severity().name()).append(": ").append(a.title()).append("** ")
                            .append(a.messageMarkdown().strip().replace("\n", "\n  "));
                    if (shown.nextHops() > 0) {
                        md.append("\n  _").append(shown.span()).append("_");
                    }
                    md.append('\n');
                }
                md.append('\n');
            }
            for (Hop.Carried carried : hop.carried()) {
                md.append("- Still applies: ").append(carried.alert().title()).append(" (see hop ")
                        .append(carried.firstHop()).append(")\n");
            }
            if (!hop.carried().isEmpty()) {
                md.append('\n');
            }
            Install.Steps steps = Install.steps(hop.version(), edition, deployment);
            md.append("### Install\n\n");
            for (Install.Block block : steps.blocks()) {
                if (!block.label().isEmpty()) {
                    md.append(block.label()).append(":\n\n");
                }
                md.append("```shell\n");
                block.commands().forEach(c -> md.append(c).append('\n'));
                md.append("```\n\n");
            }
            md.append(steps.note()).append("\n\n");
            md.append("### Check\n\n")
                    .append("- [ ] GitLab answers and reports ").append(hop.version()).append(" (Admin > Overview > Dashboard).\n")
                    .append("- [ ] Background migrations have finished: `").append(Install.migrationsCheck(deployment))
                    .append("` lists none pending.\n\n");
            if (!hop.crossedLines().isEmpty()) {
                md.append("Upgrade notes of the versions crossed: ");
                md.append(String.join(", ", hop.crossedLines().stream()
                        .map(l -> "[" + l.name() + "](" + baseUrl + "/gitlab/" + l.name() + ")").toList()));
                md.append("\n\n");
            }
        }
        return md.toString();
    }

}

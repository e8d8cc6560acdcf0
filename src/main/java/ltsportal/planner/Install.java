package ltsportal.planner;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ltsportal.catalog.Version;

/** How to install one hop's version and check its background migrations, per deployment and edition. */
public final class Install {
    private Install() {
    }

    public enum Edition {
        EE, CE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Deployment {
        LINUX_PACKAGE("linux-package", "Linux package (Omnibus)"),
        DOCKER("docker", "Docker"),
        HELM("helm", "Helm chart (Kubernetes)");

        private final String key;
        private final String label;

        Deployment(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static Optional<Deployment> parse(String text) {
            for (Deployment d : values()) {
                if (d.key.equals(text)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    public static Optional<Edition> edition(String text) {
        for (Edition e : Edition.values()) {
            if (e.key().equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Commands to run, in blocks (one per system where they differ: apt and yum apart), and a note a person
     * must read, for installing {@code version}.
     */
    public record Steps(List<Block> blocks, String note) {
        /** Every command of every block, in order. */
        public List<String> commands() {
            return blocks.stream().flatMap(b -> b.commands().stream()).toList();
        }
    }

    /** Commands for one system; {@code label} says which (empty when there is one way only). */
    public record Block(String label, List<String> commands) {
    }

    /** The Helm chart line that installs a GitLab line: chart major = GitLab major - 9, chart minor = GitLab minor. */
    public static String helmChartLine(Version version) {
        return (version.major() - 9) + "." + version.minor();
    }

    /** What to back up before the first hop, and where the secrets are, for the deployment. */
    public static String backup(Deployment deployment) {
        return switch (deployment) {
            case LINUX_PACKAGE -> "Take a full backup (`sudo gitlab-backup create`) and copy `/etc/gitlab/gitlab-secrets.json`"
                    + " and `/etc/gitlab/gitlab.rb` aside: the backup does not contain them.";
            case DOCKER -> "Take a full backup (`docker exec -t gitlab gitlab-backup create`) and copy `gitlab-secrets.json` and"
                    + " `gitlab.rb` from the container's configuration volume (`/etc/gitlab` inside it) aside.";
            case HELM -> "Back up with the toolbox (`kubectl exec <toolbox pod> -it -- backup-utility`), and save the secrets"
                    + " the chart keeps in Kubernetes (`kubectl get secret <release>-rails-secret -o yaml > rails-secret.yaml`)"
                    + " and your `values.yaml`: the backup does not contain them.";
        };
    }

    public static Steps steps(Version version, Edition edition, Deployment deployment) {
        String e = edition.key();
        String packageVersion = version + "-" + e + ".0";
        return switch (deployment) {
            case LINUX_PACKAGE -> new Steps(List.of(
                    new Block("Debian and Ubuntu (apt)", List.of("sudo apt-get update && sudo apt-get install gitlab-" + e + "=" + packageVersion)),
                    new Block("RHEL-compatible systems (yum)", List.of("sudo yum install gitlab-" + e + "-" + version))),
                    "The package runs the database migrations and restarts GitLab.");
            case DOCKER -> new Steps(List.of(new Block("", List.of(
                    "docker pull gitlab/gitlab-" + e + ":" + packageVersion,
                    "docker stop gitlab && docker rm gitlab"))),
                    "Then start the container again with the same volumes, ports and environment, and the image "
                            + "gitlab/gitlab-" + e + ":" + packageVersion + ". It runs the migrations on start.");
            case HELM -> new Steps(List.of(new Block("", List.of(
                    "helm repo update",
                    "helm search repo gitlab/gitlab --versions | grep ' " + version + " '",
                    "helm upgrade gitlab gitlab/gitlab --version " + helmChartLine(version) + ".<patch> -f values.yaml"
                            + (edition == Edition.CE ? " --set global.edition=ce" : "")))),
                    "GitLab " + version.lineName() + " comes with chart " + helmChartLine(version) + ".x (chart major = GitLab major"
                            + " - 9): take the " + helmChartLine(version) + " chart version whose APP VERSION is " + version + ".");
        };
    }

    public static String migrationsCheck(Deployment deployment) {
        return switch (deployment) {
            case LINUX_PACKAGE -> "sudo gitlab-rake gitlab:background_migrations:list";
            case DOCKER -> "docker exec -it gitlab gitlab-rake gitlab:background_migrations:list";
            case HELM -> "kubectl exec -it <toolbox pod> -- gitlab-rake gitlab:background_migrations:list";
        };
    }
}

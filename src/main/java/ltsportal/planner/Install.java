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

    /** Commands to run, and a note a person must read, for installing {@code version}. */
    public record Steps(List<String> commands, String note) {
    }

    public static Steps steps(Version version, Edition edition, Deployment deployment) {
        String e = edition.key();
        String packageVersion = version + "-" + e + ".0";
        return switch (deployment) {
            case LINUX_PACKAGE -> new Steps(List.of(
                    "sudo apt-get update && sudo apt-get install gitlab-" + e + "=" + packageVersion,
                    "sudo yum install gitlab-" + e + "-" + version),
                    "Debian and Ubuntu use the first command, RHEL-compatible systems the second. "
                            + "The package runs the database migrations and restarts GitLab.");
            case DOCKER -> new Steps(List.of(
                    "docker pull gitlab/gitlab-" + e + ":" + packageVersion,
                    "docker stop gitlab && docker rm gitlab"),
                    "Then start the container again with the same volumes, ports and environment, and the image "
                            + "gitlab/gitlab-" + e + ":" + packageVersion + ". It runs the migrations on start.");
            case HELM -> new Steps(List.of(
                    "helm repo update",
                    "helm search repo gitlab/gitlab --versions | grep '" + version + "'",
                    "helm upgrade gitlab gitlab/gitlab --version <chart version> -f values.yaml"
                            + (edition == Edition.CE ? " --set global.edition=ce" : "")),
                    "The chart has its own version numbers: take the chart version whose APP VERSION is " + version + ".");
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

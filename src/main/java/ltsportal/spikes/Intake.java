package ltsportal.spikes;

/** What support needs to know about an upgrade, as the customer gave it on the intake form. */
public record Intake(String instanceName, String deployment, String edition, String topology, boolean geo,
                     String currentVersion, String targetVersion, String contactName, String contactEmail,
                     String contactPhone, String upgradePlanUrl, String rollbackPlanUrl, String notes) {

    /** "Helm chart (Kubernetes) · Enterprise Edition · Reference architecture: 3,000 users · Geo": the keys as people read them. */
    public String described() {
        return Installation.describe(deployment, edition, topology, geo);
    }
}

package ltsportal.spikes;

/** What support needs to know about an upgrade, as the customer gave it on the intake form. */
public record Intake(String instanceName, String deployment, String edition, String topology, boolean geo,
                     String currentVersion, String targetVersion, String contactName, String contactEmail,
                     String contactPhone, String upgradePlanUrl, String rollbackPlanUrl, String notes) {
}

-- An organization's feed and calendar of its instances' lifecycle dates (issue 18): readers and calendar apps carry
-- no session, so a secret token in the address is the key; only its SHA-256 hash is stored.
ALTER TABLE organization ADD COLUMN instances_feed_hash VARCHAR(64);
CREATE UNIQUE INDEX uq_organization_instances_feed ON organization (instances_feed_hash);

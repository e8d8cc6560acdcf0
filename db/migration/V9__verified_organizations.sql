-- Organizations are verified before they book: a sign-up makes a pending organization, a manager or
-- admin approves (or suspends) it. Organizations known before this change were already trusted.
ALTER TABLE organization ADD COLUMN status VARCHAR(16) DEFAULT 'approved' NOT NULL;
ALTER TABLE organization ADD COLUMN status_reason VARCHAR(500);
ALTER TABLE organization ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE organization ADD CONSTRAINT ck_organization_status CHECK (status IN ('pending', 'approved', 'suspended'));
-- The name's confusable skeleton (NFKC case-folded, ICU SpoofChecker): look-alike names are taken once.
-- Filled by the portal for every organization (older ones at start); unique where known.
ALTER TABLE organization ADD COLUMN name_skeleton VARCHAR(800);
CREATE UNIQUE INDEX uq_organization_name_skeleton ON organization (name_skeleton);

-- How many active bookings one organization may hold in a spike (hoarding every place is refused).
ALTER TABLE spike ADD COLUMN max_bookings_per_org INTEGER DEFAULT 2 NOT NULL;
ALTER TABLE spike ADD CONSTRAINT ck_spike_max_bookings_per_org CHECK (max_bookings_per_org BETWEEN 1 AND 100);

-- Repeated refusals (a throttled address knocking again and again) collapse into one row with a count,
-- so a flood of cheap requests cannot push the events that matter out of view.
ALTER TABLE audit_event ADD COLUMN repeats INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE audit_event ADD COLUMN last_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_repeats CHECK (repeats >= 1);
CREATE INDEX ix_audit_event_event_subject ON audit_event (event, subject);

-- Keyset paging (issue 17): the audit log pages on (occurred_at, id) and the staff bookings list on the window's
-- (starts_at, id), newest first; these indexes let a page read only the rows it shows, however long the tables grow.
CREATE INDEX ix_audit_event_occurred_id ON audit_event (occurred_at, id);
DROP INDEX ix_audit_event_occurred_at;
CREATE INDEX ix_spike_window_starts ON spike_window (starts_at, id);

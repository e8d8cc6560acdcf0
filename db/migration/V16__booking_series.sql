-- A long upgrade path can be booked as a series: up to three windows of one spike, one booking each,
-- made in one transaction (issue 14). Every booking of a series names the series' first booking in
-- series_id (the first names itself); a booking on its own has none. Each part keeps its own window,
-- capacity, staff, history and invitation, so moving or cancelling one part works as for any booking.
ALTER TABLE booking ADD COLUMN series_id BIGINT;
ALTER TABLE booking ADD CONSTRAINT fk_booking_series FOREIGN KEY (series_id) REFERENCES booking (id);
CREATE INDEX ix_booking_series ON booking (series_id);

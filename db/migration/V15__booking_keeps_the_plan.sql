-- A booking keeps the customer's whole plan (issue 14): the conditional stops they said apply and the
-- zero-downtime choice, so every link and runbook from the booking is the plan they booked; and the path
-- hop by hop as rows (booking_hop), in order, instead of one comma-joined string. upgrade_path stays for
-- bookings made before this migration (read only when a booking has no hop rows); new bookings leave it empty.
ALTER TABLE booking ADD COLUMN conditions VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE booking ADD COLUMN zero_downtime BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE booking_hop (
    booking_id BIGINT      NOT NULL,
    hop_number INTEGER     NOT NULL,
    version    VARCHAR(20) NOT NULL,
    CONSTRAINT pk_booking_hop PRIMARY KEY (booking_id, hop_number),
    CONSTRAINT fk_booking_hop_booking FOREIGN KEY (booking_id) REFERENCES booking (id) ON DELETE CASCADE,
    CONSTRAINT ck_booking_hop_number CHECK (hop_number >= 1)
);

-- Windows of one spike overlap only where the manager allows parallel windows (more upgrades at once than
-- one window's capacity says): off by default, so a template edit cannot silently double the load.
ALTER TABLE spike ADD COLUMN allow_parallel BOOLEAN DEFAULT FALSE NOT NULL;

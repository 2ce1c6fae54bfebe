-- Each row remembers the position of the last event applied to it, so applying an event twice
-- (two servers' projectors racing, a retried batch) changes nothing the second time.
ALTER TABLE reporting_seat_types ADD COLUMN last_position BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reporting_conferences ADD COLUMN last_position BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reporting_bookings ADD COLUMN last_position BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reporting_daily_stats ADD COLUMN last_position BIGINT NOT NULL DEFAULT 0;

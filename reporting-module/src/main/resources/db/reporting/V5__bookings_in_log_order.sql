-- The bookings list in the order of the log: its rows are clustered by the position of each
-- booking's BookingPlaced event instead of by the booking's random id. A rebuild (and every live
-- pass) then adds a generation's rows at the end of the table, where it inserted each among
-- hundreds of megabytes of rows at random, and each of the five secondary indexes points at a row
-- with 12 bytes instead of an id of up to 100 characters. The id stays unique in its generation:
-- a booking's page and every change of its status find the row by it.
--
-- The read model is derived from the log, and rows of the old shape have no position: they are
-- emptied here, and the projection reads the log again from its start when the server starts
-- (the health check counts the events it is behind meanwhile). A paused projection stays paused.
DELETE FROM reporting_attendees;
DELETE FROM reporting_bookings;
ALTER TABLE reporting_bookings ADD COLUMN placed_position BIGINT NOT NULL;
ALTER TABLE reporting_bookings DROP PRIMARY KEY;
ALTER TABLE reporting_bookings ADD CONSTRAINT pk_reporting_bookings PRIMARY KEY (generation, placed_position);
CREATE UNIQUE INDEX ux_reporting_bookings_booking ON reporting_bookings (generation, booking_id);
UPDATE reporting_projections
   SET position = 0, error = NULL, error_position = NULL,
       status = CASE WHEN status = 'PAUSED' THEN 'PAUSED' ELSE 'RUNNING' END,
       rebuild_generation = NULL, rebuild_position = NULL, rebuild_target = NULL,
       rebuild_started_at = NULL
 WHERE name = 'reporting.bookings';

-- The staff pages' orders of the bookings list: the holds console asks for the held bookings whose
-- deadline comes first, across conferences; the list opens newest first. Without these both sort
-- every booking of the generation for one page.
CREATE INDEX ix_reporting_bookings_holds ON reporting_bookings (generation, status, hold_until);
CREATE INDEX ix_reporting_bookings_placed ON reporting_bookings (generation, placed_at);

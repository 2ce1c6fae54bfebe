-- The index on the registrant served one statement: an erasure's, which blanks a data subject's
-- name and e-mail in the bookings list. Erasures are rare, and each scans its generation's rows
-- instead (as the attendees' erasure and the count of the events that name a subject already do),
-- while every booking a rebuild or a live pass writes paid for an entry in it at a random place
-- (registrant ids are name-based UUIDs): on 190,430 bookings it took a fifth of the inserts'
-- time, and a rebuild of the list (441,687 events) about 14 % of its time.
ALTER TABLE reporting_bookings DROP INDEX ix_reporting_bookings_registrant;

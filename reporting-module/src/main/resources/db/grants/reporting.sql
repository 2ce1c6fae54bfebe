-- Read models are the application's to write and to throw away.
GRANT SELECT, INSERT, UPDATE, DELETE ON reporting_projections TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON reporting_conferences TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON reporting_seat_types TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON reporting_bookings TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON reporting_attendees TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON reporting_daily_stats TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON reporting_stat_bookings TO ${app};

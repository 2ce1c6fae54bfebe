-- A day's revenue of one conference can be worth up to every seat it offers at the largest price
-- (20 seat types x 100,000 seats x 9,999,999.99, about 2 x 10^13: see booking's Limits), more than
-- DECIMAL(14,2) holds. One booking's total stays within DECIMAL(14,2) by the limits.
ALTER TABLE reporting_daily_stats MODIFY revenue DECIMAL(20,2) NOT NULL;

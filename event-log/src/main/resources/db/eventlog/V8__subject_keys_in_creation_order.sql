-- Data keys clustered in the order they were made, which is the order of the log: a key is made
-- for the first event that names its data subject, in that append's transaction.
--
-- A read model that shows personal data (the bookings list) looks up the keys of the subjects of
-- each page it reads. Keyed by the subject's id, random to the log, every lookup of a rebuild went
-- to a different page of the table, which a buffer pool busy with the log itself had long given
-- up: on MariaDB with its default 128 MB pool, the keys of 332,000 bookings cost 210,000 page reads
-- and half of the rebuild's time. In the order of creation, the keys of one page of the log lie on
-- a few pages of the table; the subject's id stays unique, in a much smaller index of its own that
-- every lookup by id uses. An append adds its keys at the end of the table, too.
--
-- The unique index first: the id is never without a unique key while the primary key changes.
CREATE UNIQUE INDEX ux_subject_keys_subject ON subject_keys (subject_id);
ALTER TABLE subject_keys DROP PRIMARY KEY;
ALTER TABLE subject_keys ADD CONSTRAINT pk_subject_keys PRIMARY KEY (created_at, subject_id);

-- What an admin may change about a user besides the roles: whether they may sign in at all,
-- whether their password was set by an admin (a one-time password: changed at the next sign-in),
-- and when they last signed in (for the users page; updated at most once a minute per user).
ALTER TABLE app_users ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE app_users ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_users ADD COLUMN last_sign_in_at TIMESTAMP(6) NULL;

-- What the application account may do with the web module's tables (MySQL, when migrations run
-- as a separate owner account). ${app} is the application account, e.g. 'seatledger'@'%'.
GRANT SELECT, INSERT, UPDATE, DELETE ON app_users TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON app_user_roles TO ${app};
GRANT SELECT, INSERT, DELETE ON log_checks TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON web_projections TO ${app};

-- Users of Seat Ledger and their roles. Passwords are stored only as PBKDF2 hashes
-- (algorithm:iterations:salt:hash), verified by Jakarta Security's database identity store.
CREATE TABLE app_users (
  username      VARCHAR(64)  NOT NULL,
  password_hash VARCHAR(512) NOT NULL,
  created_at    TIMESTAMP(6) NOT NULL,
  created_by    VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_app_users PRIMARY KEY (username)
);

CREATE TABLE app_user_roles (
  username  VARCHAR(64) NOT NULL,
  role_name VARCHAR(16) NOT NULL,
  CONSTRAINT pk_app_user_roles PRIMARY KEY (username, role_name),
  CONSTRAINT fk_app_user_roles_user FOREIGN KEY (username) REFERENCES app_users (username)
);

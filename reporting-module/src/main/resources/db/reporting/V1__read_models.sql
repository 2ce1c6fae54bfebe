-- Staff read models. Everything here is derived from the event log and can be rebuilt from it;
-- rows carry the generation they belong to (a rebuild fills the next generation beside the live
-- one and switches in one checkpoint update).

CREATE TABLE reporting_projections (
  name               VARCHAR(100)  NOT NULL,
  position           BIGINT        NOT NULL,
  generation         INT           NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  error              VARCHAR(1000),
  error_position     BIGINT,
  rebuild_generation INT,
  rebuild_position   BIGINT,
  rebuild_target     BIGINT,
  rebuild_started_at BIGINT,
  updated_at         BIGINT        NOT NULL,
  CONSTRAINT pk_reporting_projections PRIMARY KEY (name)
);

CREATE TABLE reporting_conferences (
  generation    INT          NOT NULL,
  conference_id VARCHAR(100) NOT NULL,
  name          VARCHAR(200) NOT NULL,
  slug          VARCHAR(60)  NOT NULL,
  starts_on     DATE         NOT NULL,
  ends_on       DATE         NOT NULL,
  venue         VARCHAR(200) NOT NULL,
  published     BOOLEAN      NOT NULL,
  CONSTRAINT pk_reporting_conferences PRIMARY KEY (generation, conference_id)
);

CREATE TABLE reporting_seat_types (
  generation    INT           NOT NULL,
  conference_id VARCHAR(100)  NOT NULL,
  code          VARCHAR(30)   NOT NULL,
  name          VARCHAR(100)  NOT NULL,
  ordinal       INT           NOT NULL,
  capacity      INT           NOT NULL,
  held          INT           NOT NULL,
  sold          INT           NOT NULL,
  price         DECIMAL(12,2) NOT NULL,
  currency      CHAR(3)       NOT NULL,
  CONSTRAINT pk_reporting_seat_types PRIMARY KEY (generation, conference_id, code)
);

CREATE TABLE reporting_bookings (
  generation       INT           NOT NULL,
  booking_id       VARCHAR(100)  NOT NULL,
  conference_id    VARCHAR(100)  NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  registrant_id    VARCHAR(100)  NOT NULL,
  registrant_name  VARCHAR(200)  NOT NULL,
  registrant_email VARCHAR(254)  NOT NULL,
  seats            VARCHAR(2000) NOT NULL,
  seat_count       INT           NOT NULL,
  total            DECIMAL(14,2) NOT NULL,
  currency         CHAR(3)       NOT NULL,
  hold_until       BIGINT        NOT NULL,
  placed_at        BIGINT        NOT NULL,
  updated_at       BIGINT        NOT NULL,
  CONSTRAINT pk_reporting_bookings PRIMARY KEY (generation, booking_id)
);
CREATE INDEX ix_reporting_bookings_conference ON reporting_bookings (generation, conference_id, status);
CREATE INDEX ix_reporting_bookings_registrant ON reporting_bookings (generation, registrant_id);

CREATE TABLE reporting_attendees (
  generation    INT          NOT NULL,
  booking_id    VARCHAR(100) NOT NULL,
  ordinal       INT          NOT NULL,
  conference_id VARCHAR(100) NOT NULL,
  attendee_id   VARCHAR(100) NOT NULL,
  seat_type     VARCHAR(30)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  email         VARCHAR(254) NOT NULL,
  CONSTRAINT pk_reporting_attendees PRIMARY KEY (generation, booking_id, ordinal)
);
CREATE INDEX ix_reporting_attendees_conference ON reporting_attendees (generation, conference_id);

CREATE TABLE reporting_daily_stats (
  generation    INT           NOT NULL,
  conference_id VARCHAR(100)  NOT NULL,
  stat_day      DATE          NOT NULL,
  bookings      INT           NOT NULL,
  confirmations INT           NOT NULL,
  cancellations INT           NOT NULL,
  expirations   INT           NOT NULL,
  revenue       DECIMAL(14,2) NOT NULL,
  CONSTRAINT pk_reporting_daily_stats PRIMARY KEY (generation, conference_id, stat_day)
);

-- What the statistics projection needs to remember of each booking (its conference and total).
CREATE TABLE reporting_stat_bookings (
  generation    INT           NOT NULL,
  booking_id    VARCHAR(100)  NOT NULL,
  conference_id VARCHAR(100)  NOT NULL,
  total         DECIMAL(14,2) NOT NULL,
  CONSTRAINT pk_reporting_stat_bookings PRIMARY KEY (generation, booking_id)
);

-- Listing the streams of one type (every conference, every seat availability) without a scan.
CREATE INDEX ix_events_stream_type ON events (stream_type, stream_version);

package org.seatledger.eventlog.api;

/**
 * Fired once every module's tables have been migrated (by the web module, which runs the migrations
 * at start-up). Work that needs the tables — timers, projectors, start-up checks — starts on this
 * event, not on {@code Startup}: with the database away at start-up the migrations are retried
 * every few seconds, and this is fired when they finally succeed.
 */
public record SchemaReady() {}

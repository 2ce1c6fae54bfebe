package org.seatledger.web.infrastructure;

/** Fired once every module's schema has been migrated; work that needs the tables waits for it. */
public record SchemaReady() {}

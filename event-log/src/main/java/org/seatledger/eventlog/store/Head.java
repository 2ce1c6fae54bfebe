package org.seatledger.eventlog.store;

/** The newest version, hash and type of a stream ({@link #NONE}: the stream does not exist). */
record Head(long version, String hash, String type) {
  static final Head NONE = new Head(0, HashChain.GENESIS, null);
}

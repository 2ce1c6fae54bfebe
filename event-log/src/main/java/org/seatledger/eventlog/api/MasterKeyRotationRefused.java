package org.seatledger.eventlog.api;

/** A rotation this server cannot do (it lacks a key), with a sentence saying what to configure. */
public class MasterKeyRotationRefused extends RuntimeException {
  public MasterKeyRotationRefused(String sentence) {
    super(sentence, null, false, false);
  }
}

/**
 * The benchmark's load driver, run from outside the server: {@link
 * org.seatledger.bench.driver.Bench} runs the phases of one run (each a class of its own) against
 * one {@link org.seatledger.bench.driver.Run}, collects their figures and checks in {@link
 * org.seatledger.bench.driver.Results}, and {@link org.seatledger.bench.driver.Report} writes them.
 */
package org.seatledger.bench.driver;

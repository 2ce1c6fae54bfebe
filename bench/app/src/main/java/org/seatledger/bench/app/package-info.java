/**
 * The benchmark's probe: a WAR deployed beside the EAR in the benchmark's server only, never
 * shipped. It measures the event store, the append and read paths (JDBC and EclipseLink) and a CRUD
 * rival from inside the server, on the server's own data source, and answers the driver in JSON. It
 * may use the application's internals (it is not a module of the application).
 */
package org.seatledger.bench.app;

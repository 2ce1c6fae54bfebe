package org.seatledger.bench.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's probe: only ever deployed in the benchmark's server, never with the product. */
@ApplicationPath("/")
@DeclareRoles({"staff"})
public class BenchApi extends Application {}

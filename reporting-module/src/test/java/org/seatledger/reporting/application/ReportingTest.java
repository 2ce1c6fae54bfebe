package org.seatledger.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.LogAdvanced;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.Projectors;
import org.seatledger.reporting.api.ReportingQueries;

class ReportingTest {

  private final List<ProjectionSet> hosted = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();

  @Test
  void theReadModelsAreHostedUnderTheirPublishedNamesAndWokenAfterEveryAppend() {
    Reporting reporting = new Reporting();
    reporting.host =
        set -> {
          hosted.add(set);
          return recordingProjectors();
        };
    reporting.init();

    assertEquals(1, hosted.size());
    assertEquals("reporting_projections", hosted.get(0).checkpointTable());
    assertEquals(
        List.of(ReportingQueries.AVAILABILITY, ReportingQueries.BOOKINGS, ReportingQueries.STATS),
        hosted.get(0).names(),
        "the names the admin API and the read-your-write waits use");
    assertEquals(List.of(), calls, "the host, not the module, starts them");

    reporting.onAppend(new LogAdvanced(7));
    reporting.onAppend(new LogAdvanced(8));

    assertEquals(List.of("wake", "wake"), calls, "every append wakes the read models");
  }

  private Projectors recordingProjectors() {
    return (Projectors)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Projectors.class},
            (proxy, method, args) -> {
              calls.add(method.getName());
              return null;
            });
  }
}

package org.seatledger.web.pages.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

  @Test
  void theServerPageKnowsEverySettingOfTheReadmesConfigurationTable() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table =
        readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Running on MySQL"));
    List<String> documented = new ArrayList<>();
    for (String line : table.lines().toList()) {
      if (line.startsWith("| `SEATLEDGER_")) {
        Matcher names = Pattern.compile("SEATLEDGER_[A-Z_]+").matcher(line.split("\\|")[1]);
        while (names.find()) {
          if (!names.group().endsWith("_")) { // SEATLEDGER_KAFKA_<NAME>: a family, not one name
            documented.add(names.group());
          }
        }
      }
    }
    assertTrue(documented.size() > 20, documented.toString());
    assertEquals(documented, ServerPage.KNOWN);
  }

  @Test
  void secretsAreNamedButTheirValuesNeverShown() {
    List<ServerSettings.Setting> settings =
        ServerSettings.of(
            List.of("SEATLEDGER_DB_PASSWORD", "SEATLEDGER_HTTP_PORT"),
            Map.of(
                "SEATLEDGER_DB_PASSWORD", "hunter2hunter2",
                "SEATLEDGER_MASTER_KEY", "Fh7uLdLd91FiEJZUgFGp010MCKm",
                "SEATLEDGER_KEYSTORE_PASSWORD", "changeit",
                "SEATLEDGER_DB_URL", "jdbc:mysql://db/ledger?user=a&password=b",
                "SEATLEDGER_REQUIRE_HTTPS", "true",
                "SEATLEDGER_KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule required username=\"x\";",
                "PATH", "/usr/bin"));
    assertEquals(
        List.of(
            new ServerSettings.Setting("SEATLEDGER_DB_PASSWORD", "(secret)", true),
            new ServerSettings.Setting("SEATLEDGER_DB_URL", "(secret)", true),
            new ServerSettings.Setting(
                "SEATLEDGER_HTTP_PORT", "(not set: the default applies)", false),
            new ServerSettings.Setting("SEATLEDGER_KAFKA_SASL_JAAS_CONFIG", "(secret)", true),
            new ServerSettings.Setting("SEATLEDGER_KEYSTORE_PASSWORD", "(secret)", true),
            new ServerSettings.Setting("SEATLEDGER_MASTER_KEY", "(secret)", true),
            new ServerSettings.Setting("SEATLEDGER_REQUIRE_HTTPS", "true", false)),
        settings);
  }

  @Test
  void aUrlWithCredentialsInItIsASecret() {
    assertEquals(
        "(secret)",
        ServerSettings.shown("SEATLEDGER_DB_URL", "jdbc:mysql://ledger:pw@db/ledger").shown());
    assertEquals(
        "jdbc:mysql://db:3306/ledger",
        ServerSettings.shown("SEATLEDGER_DB_URL", "jdbc:mysql://db:3306/ledger").shown());
  }
}

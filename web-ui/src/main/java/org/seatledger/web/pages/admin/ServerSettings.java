package org.seatledger.web.pages.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code SEATLEDGER_*} settings in force, as the server page shows them: a secret (a password,
 * a key, a URL with a password in it) only as "(secret)", never its value.
 */
public final class ServerSettings {

  /** A setting as shown: its name, and its value or what stands in for it. */
  public record Setting(String name, String shown, boolean secret) {}

  private static final Pattern SECRET_NAME =
      Pattern.compile("PASSWORD|SECRET|KEY$|KEY_|TOKEN|JAAS");
  private static final Pattern SECRET_IN_VALUE =
      Pattern.compile("(?i)password=|://[^/@\\s]+:[^/@\\s]+@");

  static final String SECRET = "(secret)";
  static final String NOT_SET = "(not set: the default applies)";

  private ServerSettings() {}

  /**
   * Every setting named in {@code known} or present in {@code environment}, by name.
   *
   * @param environment the process environment (or anything holding {@code SEATLEDGER_*} names)
   */
  public static List<Setting> of(List<String> known, Map<String, String> environment) {
    Map<String, String> values = new TreeMap<>();
    known.forEach(name -> values.put(name, null));
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("SEATLEDGER_")) {
            values.put(name, value);
          }
        });
    List<Setting> settings = new ArrayList<>();
    values.forEach((name, value) -> settings.add(shown(name, value)));
    return settings;
  }

  /** One setting as shown. */
  static Setting shown(String name, String value) {
    if (value == null) {
      return new Setting(name, NOT_SET, false);
    }
    boolean secret =
        SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).find()
            || SECRET_IN_VALUE.matcher(value).find();
    return new Setting(name, secret ? SECRET : value, secret);
  }
}

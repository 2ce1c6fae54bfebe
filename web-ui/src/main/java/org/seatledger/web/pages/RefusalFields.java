package org.seatledger.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which form field a refusal's sentence is about, so the page shows it next to that field (and in
 * the summary). The domain's refusals are sentences for people, not field codes; a form names the
 * words that point at each of its fields, first match wins:
 *
 * <pre>{@code
 * RefusalFields.of()
 *     .when("slug", "slug")
 *     .when("cannot end", "endsOn")
 *     .when(Pattern.compile("only .*?'([^']+)' left"), m -> "seats-" + m.group(1));
 * }</pre>
 *
 * A sentence no rule matches goes to the summary only.
 */
public final class RefusalFields {

  private record Rule(Pattern pattern, Function<MatchResult, String> field) {}

  private final List<Rule> rules = new ArrayList<>();

  private RefusalFields() {}

  /** No rules yet: every refusal goes to the summary. */
  public static RefusalFields of() {
    return new RefusalFields();
  }

  /**
   * A sentence containing {@code words} (a case-insensitive regular expression) is about {@code
   * field}.
   */
  public RefusalFields when(String words, String field) {
    return when(Pattern.compile(words, Pattern.CASE_INSENSITIVE), m -> field);
  }

  /**
   * A sentence in which {@code pattern} is found is about the field {@code field} names from the
   * match.
   */
  public RefusalFields when(Pattern pattern, Function<MatchResult, String> field) {
    rules.add(new Rule(pattern, field));
    return this;
  }

  /** The client id of the field {@code sentence} is about, if a rule names one. */
  public Optional<String> fieldOf(String sentence) {
    if (sentence == null) {
      return Optional.empty();
    }
    for (Rule rule : rules) {
      Matcher matcher = rule.pattern().matcher(sentence);
      if (matcher.find()) {
        return Optional.ofNullable(rule.field().apply(matcher.toMatchResult()));
      }
    }
    return Optional.empty();
  }
}

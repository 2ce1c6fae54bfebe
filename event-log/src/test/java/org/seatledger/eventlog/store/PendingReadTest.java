package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.PersonalData;

/**
 * A page read with the data keys reads an event with personal data from its text in one parse
 * ({@link RecordBinder#read}): it must name the same people and give the very record that walking
 * its tree ({@link PersonalDataWalk}) and binding the copy gave — which subject opens which text
 * included — and step aside wherever that path must decide.
 */
class PendingReadTest {

  public record Guest(@DataSubject String guestId, @PersonalData String name, int seats) {}

  /** No subject of its own: its text belongs to the enclosing record's subject. */
  public record Note(@PersonalData String text) {}

  public record Booked(
      @PersonalData String email,
      String bookingId,
      @DataSubject String registrantId,
      List<Guest> guests,
      Note note,
      Map<String, Guest> byDesk,
      List<List<Note>> pages) {}

  public record Refusing(@DataSubject String id, @PersonalData String name) {
    public Refusing {
      if ("nobody".equals(id)) {
        throw new IllegalArgumentException("refused");
      }
    }
  }

  public record NumberedSubject(@DataSubject long id, @PersonalData String name) {}

  /** Opens a text by marking it with the subject it was opened for. */
  private final List<String> opened = new ArrayList<>();

  private final BiFunction<String, String, String> open =
      (subject, text) -> {
        opened.add(subject + "/" + text);
        return PersonalDataCipher.isEncrypted(text) ? subject + ":" + text.substring(4) : text;
      };

  /** What the tree path gives: the walk with the same opening, then the binder on the copy. */
  private Optional<Object> walked(String json, Class<?> type) {
    JsonObject readable =
        (JsonObject) PersonalDataWalk.walk(EventSerializer.parse(json), type, open);
    return RecordBinder.bind(readable, type);
  }

  /** The subjects the page's key look-up gets for the tree path. */
  private static Set<String> walkedSubjects(String json, Class<?> type) {
    Set<String> subjects = new java.util.HashSet<>();
    PersonalDataWalk.walk(
        EventSerializer.parse(json),
        type,
        (subject, value) -> {
          if (subject != null && PersonalDataCipher.isEncrypted(value)) {
            subjects.add(subject);
          }
          return value;
        });
    return subjects;
  }

  private static final String BOOKED =
      "{\"bookingId\":\"b-1\",\"byDesk\":{\"d1\":{\"guestId\":\"g-9\",\"name\":\"pd1:desk\","
          + "\"seats\":1}},\"email\":\"pd1:mail\",\"guests\":[{\"guestId\":\"g-1\","
          + "\"name\":\"pd1:one\",\"seats\":2},{\"name\":\"pd1:two\",\"seats\":1},"
          + "{\"guestId\":\"g-3\",\"name\":\"in clear\",\"seats\":1},{\"guestId\":\"g-4\","
          + "\"name\":null,\"seats\":1}],\"note\":{\"text\":\"pd1:note\"},"
          + "\"pages\":[[{\"text\":\"pd1:p1\"}],[],[null]],\"registrantId\":\"r-1\"}";

  @Test
  void textsAreOpenedWithTheSubjectTheWalkGivesThemAndTheRecordIsTheSame() {
    RecordBinder.Pending pending = RecordBinder.read(BOOKED, Booked.class).orElseThrow();

    Object bound = pending.bind(open).orElseThrow();
    List<String> openedHere = List.copyOf(opened);
    opened.clear();

    assertEquals(walked(BOOKED, Booked.class).orElseThrow(), bound);
    assertEquals(opened, openedHere, "the same texts opened for the same subjects, in order");
    Booked booked = (Booked) bound;
    // the registrant's id comes after the email in the text: it still opens the email
    assertEquals("r-1:mail", booked.email());
    assertEquals("g-1:one", booked.guests().get(0).name());
    assertEquals("r-1:two", booked.guests().get(1).name(), "a guest without an id: the outer");
    assertEquals("in clear", booked.guests().get(2).name());
    assertEquals(null, booked.guests().get(3).name());
    assertEquals("r-1:note", booked.note().text());
    assertEquals("r-1:p1", booked.pages().get(0).get(0).text());
    assertEquals("pd1:desk", booked.byDesk().get("d1").name(), "maps are not walked: as stored");
  }

  @Test
  void thePeopleNamedAreThoseWhoseEncryptedTextsItHolds() {
    assertEquals(
        walkedSubjects(BOOKED, Booked.class),
        RecordBinder.read(BOOKED, Booked.class).orElseThrow().subjects());
    assertEquals(Set.of("r-1", "g-1"), walkedSubjects(BOOKED, Booked.class));
  }

  @Test
  void aTextNamingNobodyIsOpenedWithoutASubjectAsTheWalkOpensIt() {
    String json = "{\"bookingId\":\"b-1\",\"email\":\"pd1:mail\"}";
    RecordBinder.Pending pending = RecordBinder.read(json, Booked.class).orElseThrow();
    assertEquals(Set.of(), pending.subjects());
    assertEquals(walked(json, Booked.class), pending.bind(open));
    assertEquals("null:mail", ((Booked) pending.bind(open).orElseThrow()).email());
  }

  @Test
  void whereTheTreePathMustDecideItStepsAside() {
    // opening fails (the tree path then fails the same way)
    RecordBinder.Pending pending = RecordBinder.read(BOOKED, Booked.class).orElseThrow();
    assertTrue(
        pending
            .bind(
                (subject, text) -> {
                  throw new IllegalStateException("does not decrypt");
                })
            .isEmpty());
    // a constructor that refuses its values
    assertTrue(
        RecordBinder.read("{\"id\":\"nobody\",\"name\":\"pd1:x\"}", Refusing.class)
            .orElseThrow()
            .bind(open)
            .isEmpty());
    // a subject that is not a string component, text that is not one object, a value of another
    // kind than the component's
    assertTrue(RecordBinder.read("{\"id\":1,\"name\":\"pd1:x\"}", NumberedSubject.class).isEmpty());
    assertTrue(RecordBinder.read("not json", Booked.class).isEmpty());
    assertTrue(RecordBinder.read("{\"email\":\"pd1:x\"} {}", Booked.class).isEmpty());
    assertTrue(RecordBinder.read("{\"email\":5}", Booked.class).isEmpty());
    assertTrue(RecordBinder.read("{\"guests\":[{\"seats\":\"2\"}]}", Booked.class).isEmpty());
  }
}

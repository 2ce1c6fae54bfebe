package org.seatledger.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.seatledger.it.Http;
import org.seatledger.it.Setup;

/**
 * A real browser on the server under test, for page tests (tag {@code browser}): headless Chromium
 * driven through Debian's {@code /usr/bin/chromedriver}, so Selenium downloads nothing.
 *
 * <pre>{@code
 * try (Browser browser = Browser.open()) {
 *   browser.signInAsNew("staff");
 *   browser.go("/conferences/new");
 *   browser.field("Name").sendKeys("DevConf");
 *   browser.click("create");
 *   assertEquals("…", browser.fieldError("Ends on"));
 *   browser.assertAccessible();
 * }
 * }</pre>
 *
 * <p>{@link #assertAccessible()} runs axe-core (the WebJar {@code org.webjars.npm:axe-core}, read
 * from the test class path) in the page and fails on every serious or critical violation. The
 * script is handed to the browser through WebDriver, which the page's Content-Security-Policy does
 * not govern; the page itself still runs only its own scripts.
 *
 * <p>{@link #screenshot(String)} saves {@code target/screenshots/<name>.png}.
 */
public final class Browser implements AutoCloseable {

  /** The password of every user {@link #signInAsNew} makes. */
  public static final String PASSWORD = "a-long-enough-passphrase";

  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static String axeSource;

  private final WebDriver driver;

  private Browser(WebDriver driver) {
    this.driver = driver;
  }

  /** A fresh headless Chromium with an empty profile, 1280×900. */
  public static Browser open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    try {
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1280,900",
          "--user-data-dir=" + Files.createTempDirectory("chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    chrome.manage().window().setSize(new Dimension(1280, 900));
    return new Browser(chrome);
  }

  /** A new user with {@code role}, made by the admin through the API, signed in here; its name. */
  public String signInAsNew(String role) {
    String user = Setup.user(role, PASSWORD);
    signIn(user, PASSWORD);
    return user;
  }

  /** Signs in through the sign-in page (any earlier session is dropped first). */
  public void signIn(String user, String password) {
    driver.manage().deleteAllCookies();
    go("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("submit")).click();
    waitUntil(d -> has(By.id("whoami")) || has(By.cssSelector(".errors li")));
    assertTrue(has(By.id("whoami")), "signing in as " + user + " answered: " + text());
    assertEquals(user, byId("whoami").getText(), "signed in as " + user);
  }

  /**
   * Opens {@code path} (with its query) on the server under test, as typed into the address bar.
   */
  public Browser go(String path) {
    driver.get(Http.baseUrl() + path);
    return this;
  }

  /** The path and query of the page shown, e.g. {@code /conferences/42?at=17}. */
  public String path() {
    String url = driver.getCurrentUrl();
    return url.substring(Http.baseUrl().length());
  }

  public WebDriver driver() {
    return driver;
  }

  public WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public boolean has(By by) {
    return !driver.findElements(by).isEmpty();
  }

  /** Clicks the element with this id and waits for the page it leads to. */
  public void click(String id) {
    click(byId(id));
  }

  /** Clicks {@code element} and waits until it is gone: the page it leads to has replaced it. */
  public void click(WebElement element) {
    element.click();
    waitUntil(d -> isStale(element));
  }

  /**
   * The text of the whole page as a person reads it. Read again when the page is replaced while it
   * is read (a redirect after a form, a script that renders a part again).
   */
  public String text() {
    return waitUntil(d -> d.findElement(By.tagName("body")).getText());
  }

  /** The page's {@code <h1>}, read again when the page is replaced while it is read. */
  public String heading() {
    return waitUntil(d -> d.findElement(By.tagName("h1")).getText());
  }

  /**
   * The input whose {@code <label>} reads exactly {@code label}: it must be tied to its input with
   * {@code for} — what a screen reader relies on. With several (one per table row), the first; see
   * {@link #field(String, String)}.
   */
  public WebElement field(String label) {
    for (WebElement candidate : driver.findElements(By.tagName("label"))) {
      if (candidate.getText().trim().equals(label)) {
        String id = candidate.getAttribute("for");
        assertTrue(id != null && !id.isEmpty(), "the label '" + label + "' names its input");
        return byId(id);
      }
    }
    throw new NoSuchElementException("no field labelled '" + label + "' on " + path());
  }

  /**
   * The input labelled {@code label} whose id is {@code id}: checks the label is tied to it, also a
   * label visible only to screen readers (one per table row).
   */
  public WebElement field(String label, String id) {
    WebElement labelElement = driver.findElement(By.cssSelector("label[for='" + id + "']"));
    // its text as a screen reader reads it, also when it is only for them (visually hidden)
    assertEquals(label, labelElement.getAttribute("textContent").trim(), "the label of " + id);
    return byId(id);
  }

  /** Replaces what the field labelled {@code label} holds. */
  public void fill(String label, String value) {
    WebElement field = field(label);
    field.clear();
    field.sendKeys(value);
  }

  /**
   * Sets a date field ({@code <input type="date">}) to {@code yyyy-MM-dd}, as a date picker would.
   */
  public void date(String label, String isoDate) {
    WebElement field = field(label);
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].value = arguments[1];", field, isoDate);
  }

  /** The message shown next to the field labelled {@code label} (empty when there is none). */
  public String fieldError(String label) {
    return fieldErrorOf(field(label).getAttribute("id"));
  }

  /** The message shown next to the field with this id (empty when there is none). */
  public String fieldErrorOf(String fieldId) {
    List<WebElement> message = driver.findElements(By.id(fieldId + "-error"));
    return message.isEmpty() ? "" : message.get(0).getText().trim();
  }

  /** The messages of the page's summary at the top, in order. */
  public List<String> summary() {
    List<String> texts = new ArrayList<>();
    for (WebElement item : driver.findElements(By.cssSelector(".summary li"))) {
      texts.add(item.getText().trim());
    }
    return texts;
  }

  /** Waits (up to 15 s) until {@code condition} holds. */
  public <T> T waitUntil(Function<WebDriver, T> condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = condition.apply(driver);
        if (value != null && !Boolean.FALSE.equals(value)) {
          return value;
        }
      } catch (NoSuchElementException | StaleElementReferenceException notYet) {
        last = notYet;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("waited " + PATIENCE.toSeconds() + " s in vain on " + path(), last);
  }

  /** Fails on every serious or critical axe-core violation of the page shown. */
  public void assertAccessible() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axe());
    Object answer =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('failed: ' + e); });");
    String json = String.valueOf(answer);
    if (!json.startsWith("[")) {
      fail("axe-core did not run on " + path() + ": " + json);
    }
    JsonArray violations = Json.createReader(new StringReader(json)).readArray();
    List<String> serious = new ArrayList<>();
    for (JsonValue value : violations) {
      JsonObject violation = value.asJsonObject();
      String impact = violation.getString("impact", "");
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> targets = new ArrayList<>();
        for (JsonValue node : violation.getJsonArray("nodes")) {
          targets.add(node.asJsonObject().getJsonArray("target").toString());
        }
        serious.add(
            impact
                + " "
                + violation.getString("id")
                + ": "
                + violation.getString("help")
                + " at "
                + targets);
      }
    }
    assertTrue(
        serious.isEmpty(), "accessibility of " + path() + ":\n" + String.join("\n", serious));
  }

  /**
   * Fails when the page holds an inline script or an inline event handler ({@code onclick=…}): the
   * Content-Security-Policy ({@code script-src 'self'}) makes the browser skip them, so whatever
   * relied on one would silently not work.
   */
  public void assertOnlyScriptFiles() {
    Object inline =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var found = [];"
                    + "document.querySelectorAll('script:not([src])').forEach(function (s) {"
                    + " found.push('<script>' + s.textContent.substring(0, 60)); });"
                    + "document.querySelectorAll('*').forEach(function (e) {"
                    + " for (var i = 0; i < e.attributes.length; i++) {"
                    + "  if (/^on/i.test(e.attributes[i].name)) {"
                    + "   found.push(e.tagName + ' ' + e.attributes[i].name); } } });"
                    + "document.querySelectorAll('a[href^=\"javascript:\"]').forEach(function (a) {"
                    + " found.push('javascript: link'); });"
                    + "return found.join('\\n');");
    assertEquals("", inline, "inline scripts on " + path());
  }

  /** Saves the page as {@code target/screenshots/<name>.png}, the full height of the page. */
  public Path screenshot(String name) {
    try {
      Path folder = Path.of("target", "screenshots");
      Files.createDirectories(folder);
      Object height =
          ((JavascriptExecutor) driver)
              .executeScript("return document.documentElement.scrollHeight;");
      Dimension before = driver.manage().window().getSize();
      int full = Math.max(before.getHeight(), ((Number) height).intValue() + 140);
      driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(full, 4000)));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      driver.manage().window().setSize(before);
      Path file = folder.resolve(name + ".png");
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  /**
   * Whether the page that held {@code element} is gone. While the next page replaces it, Chromium
   * may answer not with a stale reference but with "Node with given id does not belong to the
   * document" (the node's document is being torn down): that is gone too.
   */
  private static boolean isStale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException gone) {
      return true;
    } catch (WebDriverException racing) {
      String message = String.valueOf(racing.getMessage());
      if (message.contains("does not belong to the document")) {
        return true;
      }
      throw racing;
    }
  }

  private static synchronized String axe() {
    if (axeSource == null) {
      try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
        if (in == null) {
          throw new IllegalStateException(AXE + " is not on the test class path");
        }
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }
}

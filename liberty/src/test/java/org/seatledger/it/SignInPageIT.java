package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.seatledger.it.browser.Browser;

/**
 * The sign-in page in a real browser (headless Chromium): a wrong password says so, a right one
 * opens the start page, and after too many failures the form says how long to wait — a paused
 * sign-in is never reported as a wrong password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class SignInPageIT {

  private static final String PASSWORD = "a-long-enough-passphrase";
  private static Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("sign-in-page-it");
  }

  @BeforeAll
  static void openBrowser() throws Exception {
    Server.awaitReady();
    browser = Browser.open();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aWrongPasswordSaysSoAndARightOneOpensTheStartPage() {
    String staff = Setup.user("staff", PASSWORD);
    signIn(staff, "not-" + PASSWORD);
    assertEquals("Wrong username or password.", message());

    signIn(staff, PASSWORD);
    assertTrue(browser.text().contains("Welcome, " + staff), browser.driver().getPageSource());
  }

  @Test
  void afterTooManyFailuresTheFormSaysHowLongToWaitEvenForTheRightPassword() throws Exception {
    String staff = Setup.user("staff", PASSWORD);
    // the right password is typed first and sent the moment the pause has begun: a loaded
    // machine may take seconds to open a page, longer than a short pause lasts
    fillSignIn(staff, PASSWORD);
    // nine failures (API and pages share the count), waiting out the pauses between them: the
    // ninth starts a pause of 8 s
    int failures = 0;
    while (failures < 9) {
      var answer = Http.basicOnly(staff, "not-" + PASSWORD).get("/api/me");
      if (answer.statusCode() == 401) {
        failures++;
      } else {
        assertEquals(429, answer.statusCode(), answer.body());
        Thread.sleep(1000 * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
      }
    }
    browser.driver().findElement(By.id("submit")).click(); // right, but paused: not even checked
    assertTrue(message().startsWith("Too many failed sign-ins; try again in "), message());

    // once the pause is over the right password gets in, and forgets the failures of the account
    // and of this address (which the tests after this one sign in from)
    while (true) {
      var answer = Http.basicOnly(staff, PASSWORD).get("/api/me");
      if (answer.statusCode() == 200) {
        break;
      }
      assertEquals(429, answer.statusCode(), answer.body());
      Thread.sleep(1000 * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
    }
  }

  /** Submits the sign-in form, whatever it answers ({@link Browser#signIn} expects success). */
  private static void signIn(String username, String password) {
    fillSignIn(username, password);
    browser.driver().findElement(By.id("submit")).click();
  }

  /** Opens a fresh sign-in page and types into it, without sending it. */
  private static void fillSignIn(String username, String password) {
    WebDriver driver = browser.driver();
    driver.manage().deleteAllCookies();
    browser.go("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
  }

  /** The form's message, once the answer to the sign-in has arrived. */
  private static String message() {
    return browser.waitUntil(driver -> driver.findElement(By.cssSelector(".errors li"))).getText();
  }
}

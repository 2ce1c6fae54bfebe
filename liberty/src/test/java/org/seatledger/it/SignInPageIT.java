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
    // eight failures (API and pages share the count), waiting out the pauses between them: the
    // eighth starts a pause of 4 s
    int failures = 0;
    while (failures < 8) {
      var answer = Http.basicOnly(staff, "not-" + PASSWORD).get("/api/me");
      if (answer.statusCode() == 401) {
        failures++;
      } else {
        assertEquals(429, answer.statusCode(), answer.body());
        Thread.sleep(1000 * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
      }
    }
    signIn(staff, PASSWORD); // right, but within the pause: not even checked
    assertTrue(message().startsWith("Too many failed sign-ins; try again in "), message());
  }

  /** Submits the sign-in form, whatever it answers ({@link Browser#signIn} expects success). */
  private static void signIn(String username, String password) {
    WebDriver driver = browser.driver();
    driver.manage().deleteAllCookies();
    browser.go("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("submit")).click();
  }

  private static String message() {
    return browser.driver().findElement(By.cssSelector(".errors li")).getText();
  }
}

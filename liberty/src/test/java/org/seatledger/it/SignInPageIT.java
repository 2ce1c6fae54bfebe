package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
  private static WebDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("sign-in-page-it");
  }

  @BeforeAll
  static void openBrowser() throws Exception {
    Server.awaitReady();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory("chromium"));
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    browser = new ChromeDriver(driver, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aWrongPasswordSaysSoAndARightOneOpensTheStartPage() {
    String staff = Setup.user("staff", PASSWORD);
    signIn(staff, "not-" + PASSWORD);
    assertEquals("Wrong username or password.", message());

    signIn(staff, PASSWORD);
    assertTrue(
        browser.findElement(By.tagName("body")).getText().contains("Welcome, " + staff),
        browser.getPageSource());
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

  private static void signIn(String username, String password) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + Http.HTTP_PORT + "/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("submit")).click();
  }

  private static String message() {
    return browser.findElement(By.cssSelector(".errors li")).getText();
  }
}

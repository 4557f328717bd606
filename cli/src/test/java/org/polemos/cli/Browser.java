package org.polemos.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Debian {@code chromium} driven through {@code chromium-driver} (Selenium), for the
 * browser tests of the report pages. Where either is missing the tests are skipped with a message
 * saying how to install them, unless the environment variable {@code POLEMOS_REQUIRE_BROWSER} is
 * {@code 1} (as in {@code .ci/run}), when they fail. Name resolution is disabled in the browser, so
 * any network request a page makes fails and is logged.
 */
final class Browser {
  private static final List<String> CHROMIUM =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  private static final List<String> DRIVER =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  /**
   * Selenium warns that it has no DevTools (CDP) binding for this chromium; the tests do not use
   * CDP.
   */
  private static final java.util.logging.Logger SELENIUM =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM.setLevel(Level.SEVERE);
  }

  private Browser() {}

  private static Path find(String variable, List<String> candidates) {
    String given = System.getenv(variable);
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
  }

  /**
   * A headless browser with a window of {@code width} x {@code height} CSS pixels, or the test is
   * skipped.
   */
  static ChromeDriver open(int width, int height) {
    Path chromium = find("POLEMOS_CHROMIUM", CHROMIUM);
    Path driver = find("POLEMOS_CHROMEDRIVER", DRIVER);
    if (chromium == null || driver == null) {
      String message =
          "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium "
              + "chromium-driver; .ci/run installs them): "
              + (chromium == null ? "chromium" : "chromedriver")
              + " not found";
      if ("1".equals(System.getenv("POLEMOS_REQUIRE_BROWSER"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--force-device-scale-factor=1",
        "--window-size=" + width + "," + height,
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--no-first-run",
        "--disable-extensions");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Console messages of level SEVERE (errors) since the last call. */
  static List<String> consoleErrors(WebDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }
}

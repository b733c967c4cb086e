package dev.studybot.platform.slack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for tests: the Debian packages' {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, installed by {@code deploy/browser.sh} when missing. Selenium is
 * given both paths, so Selenium Manager never looks for a browser or a driver online.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCRIPT = Path.of("deploy", "browser.sh");

    /** Selenium says at every start that it has no DevTools bindings for this Chromium; the test uses none. */
    private static final java.util.logging.Logger CDP = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Chromium() {
    }

    /** Installs the browser with the project's script if it is missing; fails naming the script if it still is. */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (present()) {
            return;
        }
        Process p = new ProcessBuilder("bash", SCRIPT.toString()).inheritIO().start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        if (!present()) {
            throw new IllegalStateException("this test needs Chromium and chromedriver at " + BROWSER + " and " + DRIVER
                    + " (Debian packages chromium, chromium-driver); " + SCRIPT + " could not install them"
                    + (done ? " (exit " + p.exitValue() + ")" : " in 15 minutes") + ": run deploy/browser.sh as root");
        }
    }

    private static boolean present() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A headless browser with JavaScript off and a profile of its own in {@code profile}, offline but for what the test opens. */
    static ChromeDriver start(Path profile) {
        CDP.setLevel(java.util.logging.Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        // the page must work for someone who turned JavaScript off
        options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}

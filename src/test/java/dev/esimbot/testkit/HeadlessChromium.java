package dev.esimbot.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through its {@code chromium-driver}, headless, with a throw-away profile. Both paths
 * are given to Selenium, so Selenium Manager never runs and nothing is downloaded. Where they are not installed the
 * calling test is skipped (a JUnit assumption); {@code .ci/run} installs them.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Debian's paths; the system properties are for a machine that keeps them elsewhere. */
    public static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    public static final String MISSING = "SKIPPED browser test: no " + BROWSER + " or " + DRIVER
            + "; install Debian's chromium and chromium-driver (.ci/run does: apt-get install chromium chromium-driver)";

    /**
     * Debian's chromium is usually newer than the DevTools versions this Selenium ships; that only matters for CDP,
     * which these tests do not use (plain WebDriver), so the two warnings about it per start are muted. Held here
     * because java.util.logging keeps loggers only weakly.
     */
    private static final List<Logger> CDP_WARNINGS = Stream.of("org.openqa.selenium.chromium.ChromiumDriver",
            "org.openqa.selenium.devtools.CdpVersionFinder").map(Logger::getLogger).toList();

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test (a JUnit assumption, reported as skipped with {@link #MISSING}) without a browser. */
    public static void assumeInstalled() {
        assumeTrue(installed(), MISSING);
    }

    /** A browser window of this size; skips the calling test when chromium or chromium-driver is missing. */
    public static HeadlessChromium start(int width, int height, Path driverLog) {
        assumeInstalled();
        CDP_WARNINGS.forEach(logger -> logger.setLevel(Level.SEVERE));
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        Path profile = tempDirectory();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogFile(driverLog.toFile()).withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver = new ChromeDriver(service, options(width, height, profile));
        return new HeadlessChromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static ChromeOptions options(int width, int height, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--lang=en-US", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        return options;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover profile in the temp directory harms nothing.
        }
    }
}

package org.foodrisk.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Debian chromium, headless, driven by the Debian chromedriver through Selenium — never a
 * browser or driver that a tool downloads (the network refuses it). A missing browser is a
 * failure, not a skipped test: {@code .ci/run} installs both packages when they are missing.
 * Each instance has its own fresh profile directory; screenshots go to a directory of the build.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** @param screenshots where {@link #screenshot} writes (created) */
    public static HeadlessChromium start(Path screenshots) throws IOException {
        return start(screenshots, Map.of());
    }

    /**
     * @param environment added to the driver's environment, which the browser inherits (for example
     *                    {@code FONTCONFIG_FILE}, to see a page as a machine without some fonts sees it)
     */
    public static HeadlessChromium start(Path screenshots, Map<String, String> environment) throws IOException {
        for (Path needed : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)");
            }
        }
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("foodrisk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // Without the background-networking flags chromium keeps calling hosts the closed network refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1300", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().withEnvironment(environment).build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile, screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Whether Chinese text in the current page's body font has real shapes. Without a CJK font (a bare
     * Debian has none) Chromium draws every Chinese character as the same empty box (tofu), so the
     * check draws a few characters in the body's font on a canvas, as the page would, and compares
     * their pixels: distinct characters must make distinct, inked pictures, unlike an unassigned code
     * point, which has no glyph in any font. The answer names the font and the pictures' ink.
     */
    public ChineseRendering chineseRendering() {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) driver.executeScript("""
                const family = getComputedStyle(document.body).fontFamily;
                const picture = (ch) => {
                  const canvas = document.createElement('canvas');
                  canvas.width = 64; canvas.height = 64;
                  const g = canvas.getContext('2d');
                  g.font = '48px ' + family; g.textBaseline = 'top'; g.fillStyle = '#000';
                  g.fillText(ch, 4, 4);
                  const data = g.getImageData(0, 0, 64, 64).data;
                  let ink = 0, bits = '';
                  for (let i = 3; i < data.length; i += 4) { ink += data[i] > 127 ? 1 : 0; bits += data[i] > 127 ? '1' : '0'; }
                  return { ink, bits };
                };
                const chars = ['食', '安', '预', '警'].map(picture);
                const missing = picture('\u0378');
                const distinct = new Set(chars.map((c) => c.bits)).size;
                return { family, distinct, inked: chars.every((c) => c.ink > 0),
                         likeMissing: chars.filter((c) => c.bits === missing.bits).length,
                         ink: chars.map((c) => c.ink).join(' ') };
                """);
        return new ChineseRendering(String.valueOf(result.get("family")), ((Number) result.get("distinct")).intValue(),
                Boolean.TRUE.equals(result.get("inked")), ((Number) result.get("likeMissing")).intValue(),
                String.valueOf(result.get("ink")));
    }

    /** What {@link #chineseRendering} saw of four Chinese characters. */
    public record ChineseRendering(String family, int distinctShapes, boolean inked, int likeMissingGlyph, String ink) {
        public boolean rendered() {
            return distinctShapes == 4 && inked && likeMissingGlyph == 0;
        }
    }

    /** Saves what the browser shows as {@code <name>.png}; returns the file. */
    /** Opens the dashboard of {@code serverUrl}, signs in with {@code token} and waits until it names the user. */
    public void signIn(String serverUrl, String token, Duration patience) {
        WebDriverWait wait = new WebDriverWait(driver, patience);
        driver.get(serverUrl + "/dashboard/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
    }

    public Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.foodrisk.it;

import org.foodrisk.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's Chinese text has real shapes in the Debian chromium (issue 16: on a bare Debian every
 * character was a box; {@code .ci/run} and the README install fonts-noto-cjk with chromium), and the
 * check that says so fails where no CJK font is: the same page seen through a fontconfig that knows
 * only the DejaVu fonts. DashboardBrowserIT runs the same check on the running dashboard.
 */
class ChineseFontIT {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    /** The dashboard's own font stack (dashboards/src/main/web/css/style.css). */
    private static final Path STYLE = Path.of("..", "dashboards", "src", "main", "web", "css", "style.css");

    @Test
    void chineseTextRendersWithTheInstalledFonts() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS)) {
            HeadlessChromium.ChineseRendering seen = showPage(chromium);
            assertTrue(seen.rendered(), "Chinese characters are drawn as boxes (install fonts-noto-cjk): " + seen);
        }
    }

    @Test
    void theCheckFailsWhereNoChineseFontIsInstalled() throws Exception {
        Path config = Files.createTempFile("fonts-without-cjk", ".conf");
        Files.writeString(config, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>/usr/share/fonts/truetype/dejavu</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(Files.createTempDirectory("fontconfig-cache")));
        try (HeadlessChromium chromium = HeadlessChromium.start(SCREENSHOTS, Map.of("FONTCONFIG_FILE", config.toString()))) {
            HeadlessChromium.ChineseRendering seen = showPage(chromium);
            assertFalse(seen.rendered(), "without a CJK font the check must say so: " + seen);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static HeadlessChromium.ChineseRendering showPage(HeadlessChromium chromium) throws Exception {
        Path page = Files.createTempFile("chinese-font", ".html");
        try {
            Files.writeString(page, "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\""
                    + STYLE.toAbsolutePath().normalize().toUri() + "\"></head><body><h1>食品安全风险监测预警</h1></body></html>");
            chromium.driver().get(page.toUri().toString());
            return chromium.chineseRendering();
        } finally {
            Files.deleteIfExists(page);
        }
    }
}

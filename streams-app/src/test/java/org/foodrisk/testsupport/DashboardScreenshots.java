package org.foodrisk.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Screenshots of every dashboard page of a running app, for the README (dashboards/docs/):
 * {@code java -cp <test classpath> org.foodrisk.testsupport.DashboardScreenshots
 * http://localhost:8080 demo-unit-120114 dashboards/docs}. The browser test takes the same pages
 * on its own test data; this one shows what the demo traffic looks like.
 */
public final class DashboardScreenshots {

    private DashboardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        try (HeadlessChromium chromium = HeadlessChromium.start(Path.of(args[2]))) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            String dashboard = base + "/dashboard/";
            browser.get(dashboard);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
            browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("live-state"), "data-state", "open"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alert-rows tr[data-alert-id]")));
            chromium.screenshot("1-live-feed");
            browser.get(dashboard + "#/feed?district=120114&level=RED");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#alert-rows tr[data-alert-id] a"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#series-chart canvas")));
            Thread.sleep(1000); // the chart's first frame
            chromium.screenshot("3-alert");
            // Signed in as a member of a responsible unit: acknowledge it, as the browser test does.
            if (!browser.findElements(By.id("act-acknowledge")).isEmpty()) {
                browser.findElement(By.id("act-acknowledge")).click();
                wait.until(ExpectedConditions.textToBe(By.id("alert-status"), "处置中"));
                Thread.sleep(1000);
                chromium.screenshot("4-alert-acknowledged");
            }
            browser.get(dashboard + "#/matrix");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.cell-link")));
            Thread.sleep(1000);
            chromium.screenshot("2-heat-map");
            browser.get(dashboard + "#/progress?district=120114");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accountability tbody tr")));
            Thread.sleep(1000);
            chromium.screenshot("5-plan-progress");
            browser.get(dashboard + "#/summary?district=120114");
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("summary-frame")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            browser.switchTo().defaultContent();
            chromium.screenshot("6-summary");
        }
    }
}

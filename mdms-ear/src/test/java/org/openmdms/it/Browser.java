package org.openmdms.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (test tools cannot download browsers
 * here), with a fresh profile. Closing it keeps a screenshot of the last page in target/.
 */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String name;

    private Browser(WebDriver driver, Duration timeout, String name) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, timeout);
        this.name = name;
    }

    static Browser start(String name, Duration timeout) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("mdms.it.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1400,1000",
                    "--user-data-dir=" + Files.createTempDirectory("mdms-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("mdms.it.chromedriver", "/usr/bin/chromedriver"))
                            .toFile())
                    .build();
            return new Browser(new ChromeDriver(service, options), timeout, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Fills the sign-in form the application shows for a protected page. */
    void signIn(String user, String password) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("j_username"))).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    /**
     * Chooses an item of a PrimeFaces select menu by its label, as a user does — open the menu, click
     * the item — and waits until the menu shows it (a click during the panel's animation may be lost,
     * so it tries again).
     */
    void choose(String menuId, String label) {
        By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                wait.until(ExpectedConditions.elementToBeClickable(By.id(menuId))).click();
                // a long list scrolls inside its panel: bring the item into view first
                org.openqa.selenium.WebElement found = wait.until(ExpectedConditions.presenceOfElementLocated(item));
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "arguments[0].scrollIntoView({block: 'nearest'});", found);
                wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            } catch (org.openqa.selenium.ElementNotInteractableException | org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.TimeoutException animating) {
                // the panel was still opening or being redrawn, or the click that should have opened it
                // was lost (CI, 2026-11-29: the item never became visible): try again
                continue;
            }
            try {
                new WebDriverWait(driver, java.time.Duration.ofSeconds(3)).until(
                        ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
                return;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // try again
            }
        }
        throw new AssertionError("could not choose " + label + " in " + menuId);
    }

    /** Keeps a screenshot of the page as it is now: target/browser-{name}-{step}.png. */
    void screenshot(String step) {
        try {
            Files.write(Path.of("target", "browser-" + name + "-" + step + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.write(Path.of("target", "browser-" + name + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }
}

package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator on Admin › Schedules in a real browser (Debian's headless Chromium): sees the jobs
 * with their cron expressions read out and their next runs; edits a cron expression (an invalid one
 * is refused with the reason next to the field, a valid one is read out and saved); disables and enables a job;
 * follows a job's link to its export target and points it at another folder (a relative path is
 * refused); runs the job now and sees the run appear in the history with its status, records and
 * files, and the files in the folder. Needs chromium and chromium-driver; runs with -Pbrowser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulesBrowserIT {

    private static final String STORAGE = "interval-storage-nightly";
    private static final String BILLING_FILES = "billing-file-export";

    private final Api admin = Api.admin();
    private Browser session;
    private WebDriver browser;
    private WebDriverWait wait;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void startBrowser() {
        session = Browser.start("schedules", Duration.ofSeconds(30));
        browser = session.driver();
        wait = session.waiting();
    }

    @AfterEach
    void stopBrowserAndRestore() throws Exception {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            admin.put("schedules/" + STORAGE, "{\"cron\":\"0 15 2 * * ?\",\"enabled\":true}", null);
            admin.delete("export-targets/billing-file");
        }
    }

    @Test
    void anAdministratorReadsChangesDisablesAndRunsJobsAndPointsAnExportAtAnotherFolder() throws Exception {
        browser.get(Deployments.BASE_URL + "/admin/schedules.xhtml");
        session.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);

        // the list: every job, its cron read out, the next three runs
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedules:jobs")));
        for (String job : List.of("billing-nightly", BILLING_FILES, STORAGE, "reports-monthly", "job-history-cleanup",
                "cmep-export-daily")) {
            assertTrue(browser.findElements(row(job)).size() == 1, job + " listed");
        }
        WebElement storage = browser.findElement(row(STORAGE));
        assertTrue(storage.getText().contains("0 15 2 * * ?"), storage.getText());
        assertTrue(storage.getText().contains("At 02:15, every day"), storage.getText());
        assertEquals(3, storage.findElements(By.cssSelector("[id$=':next'] > div")).size(), storage.getText());
        assertTrue(browser.findElement(By.id("retention")).getText().contains("kept for 90 days"));
        session.screenshot("list");

        // an invalid cron expression is refused with Quartz's reason; a valid one is read out and saved
        browser.findElement(row(STORAGE)).findElement(By.cssSelector("[id$=':edit']")).click();
        WebElement cron = wait.until(ExpectedConditions.elementToBeClickable(By.id("schedules:cronText")));
        cron.clear();
        cron.sendKeys("0 61 2 * * ?");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules:cronMessage"),
                "Invalid cron expression '0 61 2 * * ?'"));
        assertTrue(browser.findElements(By.id("cronReading")).isEmpty(), "no reading of an invalid expression");
        session.screenshot("invalid-cron");
        cron = browser.findElement(By.id("schedules:cronText"));
        cron.clear();
        cron.sendKeys("0 30 6 ? * MON-FRI");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cronReading"), "At 06:30, on Monday to Friday"));
        assertTrue(browser.findElement(By.id("schedules:cronMessage")).getText().isBlank(), "the error is gone");
        browser.findElement(By.id("schedules:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "changed to 0 30 6 ? * MON-FRI"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row(STORAGE), "At 06:30, on Monday to Friday"));
        assertEquals("0 30 6 ? * MON-FRI", admin.get("schedules/" + STORAGE).json().getString("cron"));

        // disabled: no next runs, marked; enabled again: three
        browser.findElement(row(STORAGE)).findElement(By.cssSelector("[id$=':disable']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row(STORAGE), "disabled"));
        assertTrue(browser.findElement(row(STORAGE)).findElements(By.cssSelector("[id$=':next'] > div")).isEmpty());
        assertFalse(admin.get("schedules/" + STORAGE).json().getBoolean("enabled"));
        session.screenshot("disabled");
        browser.findElement(row(STORAGE)).findElement(By.cssSelector("[id$=':enable']")).click();
        wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(row(STORAGE), By.cssSelector("[id$=':disable']")));
        assertEquals(3, browser.findElement(row(STORAGE)).findElements(By.cssSelector("[id$=':next'] > div")).size());

        // the billing file job's export target: a relative folder is refused, an absolute one kept
        Path folder = Files.createTempDirectory("mdms-browser-billing");
        browser.findElement(row(BILLING_FILES)).findElement(By.cssSelector("a[id$=':target']")).click();
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("editor:folder")));
        input.clear();
        input.sendKeys("exports/billing");
        browser.findElement(By.id("editor:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor:folderMessage"),
                "must be an absolute path"));
        session.screenshot("relative-folder");
        input = browser.findElement(By.id("editor:folder"));
        input.clear();
        input.sendKeys(folder.toString());
        browser.findElement(By.id("editor:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "now written to " + folder));
        By targetRow = By.xpath("//tbody[@id='targets:table_data']/tr[.//strong[normalize-space(.)='billing-file']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(targetRow, folder.toString()));
        assertTrue(browser.findElement(targetRow).getText().contains("set by admin"), browser.findElement(targetRow).getText());
        session.screenshot("target");

        // back to the job, run it now: the run appears in the history and ends, with its counts
        browser.findElement(targetRow).findElement(By.cssSelector("a[id$=':job']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules:history"), "Runs of " + BILLING_FILES));
        assertTrue(browser.findElement(row(BILLING_FILES)).getText().contains(folder.toString()));
        By byAdmin = By.xpath("//tbody[@id='schedules:runs_data']/tr[td[normalize-space(.)='admin']]");
        int before = browser.findElements(byAdmin).size(); // other tests may have run it now before
        browser.findElement(row(BILLING_FILES)).findElement(By.cssSelector("[id$=':run']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), BILLING_FILES + " started"));
        WebDriverWait minute = new WebDriverWait(browser, Duration.ofSeconds(60));
        minute.until(ExpectedConditions.numberOfElementsToBe(byAdmin, before + 1));
        By newest = By.xpath("//tbody[@id='schedules:runs_data']/tr[1]");
        minute.until(ExpectedConditions.textToBePresentInElementLocated(newest, "SUCCEEDED"));
        List<String> cells = browser.findElement(newest).findElements(By.tagName("td")).stream().map(WebElement::getText)
                .toList();
        // started, ended, status, attempt, started by, node, records, files, error
        assertEquals("SUCCEEDED", cells.get(2), cells.toString());
        assertEquals("1", cells.get(3), cells.toString());
        assertEquals("admin", cells.get(4), cells.toString());
        assertTrue(cells.get(6).matches("\\d+"), "determinants of yesterday: " + cells);
        assertEquals("4", cells.get(7), cells.toString());
        session.screenshot("run");
        try (var files = Files.list(folder)) {
            assertEquals(8, files.count(), "four billing files and their checksums");
        }
    }

    /** The row of a job in the list. */
    private static By row(String job) {
        return By.xpath("//tbody[@id='schedules:jobs_data']/tr[.//a[normalize-space(.)='" + job + "']]");
    }
}

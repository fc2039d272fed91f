package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
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
 * An administrator in a real browser uploads an LCL file of the spring DST day through
 * readings/upload.xhtml, lands on the import's page with its counts, then opens the usage point's
 * Reads tab: the chart, the intervals in local time, the daily totals and the history of a replaced
 * interval. Needs chromium and chromium-driver; runs with -Pbrowser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadingsBrowserIT {

    private WebDriver browser;
    private WebDriverWait wait;
    private String run;
    private String meter;
    private String usagePoint;
    private Browser session;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void startBrowserWithAnInstalledMeter() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        meter = "RBM" + run;
        usagePoint = "RB-" + run;
        String csv = "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                + usagePoint + ",E,RESIDENTIAL,Europe/London," + meter + ",2012-12-01,KWH:30:DELIVERED\n";
        assertEquals(1, Api.admin().postCsv("registry/import?source=browser-it", csv).json().getInt("created"));

        session = Browser.start("reads-" + run, Duration.ofSeconds(30));
        browser = session.driver();
        wait = session.waiting();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void anUploadedFileShowsItsCountsAndItsReadsOnTheUsagePoint() throws Exception {
        // The GMT day of the spring change: 48 half-hours, 46 of them on the local day 2013-03-31.
        Path file = Files.createTempFile("reads-" + run, ".csv");
        String unknown = "UNK" + run;
        Files.writeString(file, day() + unknown + ",2013-03-31 00:00:00,0.5\n");

        browser.get(Deployments.BASE_URL + "/readings/upload.xhtml");
        signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("upload:submit")));
        browser.findElement(By.cssSelector("[id='upload:file'] input[type=file], input[type=file][id^='upload:file']"))
                .sendKeys(file.toString());
        browser.findElement(By.id("upload:submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-received")));
        assertTrue(browser.getCurrentUrl().contains("/readings/import.xhtml?id="), browser.getCurrentUrl());
        assertEquals("49", browser.findElement(By.id("import-received")).getText());
        assertEquals("48", browser.findElement(By.id("import-stored")).getText());
        assertEquals("0", browser.findElement(By.id("import-duplicates")).getText());
        assertEquals("1", browser.findElement(By.id("import-rejected")).getText());
        String rejects = browser.findElement(By.id("rejects:table")).getText();
        assertTrue(rejects.contains(unknown), rejects);

        // The registry learns the meter: the refused read is reprocessed from the import's page.
        assertEquals(1, Api.admin().postCsv("registry/import?source=browser-it",
                "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                        + "RB-U-" + run + ",E,RESIDENTIAL,Europe/London," + unknown + ",2012-12-01,KWH:30:DELIVERED\n")
                .json().getInt("created"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("rejects:reprocess"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "1 stored"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rejects:reprocessed-in")));

        // A second file changes the first half-hour: it becomes version 2 with a history.
        assertEquals(200, Api.admin().postCsv("readings/import?format=lcl&source=fix.csv",
                "LCLid,tstp,energy(kWh/hh)\n" + meter + ",2013-03-31 00:00:00, 0.777\n").status());

        // The meter's last gasp that evening, pushed by a head-end.
        assertEquals(200, Api.admin().postJson("readings/batch", "{\"events\":[{\"meterId\":\"" + meter
                + "\",\"type\":\"LAST_GASP\",\"occurredAt\":\"2013-03-31T18:04:05Z\",\"detail\":\"phase A\"}]}",
                "event-" + run).status());

        browser.get(Deployments.BASE_URL + "/usagepoint/detail.xhtml?code=" + usagePoint);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Events"))).click();
        String events = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='events-form:events']"))).getText();
        assertTrue(events.contains("Power off (last gasp)") && events.contains("2013-03-31 19:04"), events);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Reads"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='tabs:reads:chart'] canvas")));
        // The range opens on the week ending at the latest read: 2013-04-01 local (23:00 and 23:30 GMT).
        assertEquals("2013-03-26", browser.findElement(By.id("tabs:reads:from_input")).getAttribute("value"));
        assertEquals("2013-04-01", browser.findElement(By.id("tabs:reads:to_input")).getAttribute("value"));
        assertEquals(48, browser.findElements(By.cssSelector("[id='tabs:reads:table_data'] > tr")).size());
        String table = browser.findElement(By.id("tabs:reads:table")).getText();
        assertTrue(table.contains("2013-03-31 00:30 +00:00"), table);
        assertTrue(table.contains("2013-03-31 02:30 +01:00"), table);
        assertTrue(table.contains("0.777 kWh"), table);
        String daily = browser.findElement(By.id("tabs:reads:daily")).getText();
        assertTrue(daily.contains("2013-03-31") && daily.contains("46"), daily);

        browser.findElement(By.cssSelector("[id='tabs:reads:table_data'] > tr:first-child > td")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-dialog")));
        String history = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-form:history")))
                .getText();
        assertTrue(history.contains("REPLACED"), history);
        assertTrue(history.contains("0.01"), history);

        // The analyst corrects the interval in the same dialog, with a reason.
        session.choose("history-form:reason", "CUSTOMER_OR_FIELD_READ");
        WebElement value = browser.findElement(By.id("history-form:value_input"));
        value.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "0.5");
        browser.findElement(By.id("history-form:save-edit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Interval edited"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:reads:table"), "EDITED"));
    }

    @Test
    void anAdministratorSeesAPoisonMessageWithItsReasonAndDiscardsIt() {
        try (HeadEnd headEnd = HeadEnd.connect(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)) {
            headEnd.sendText("mdms.readings", "reads for " + meter + " (not JSON)", "poison-" + run);
        }

        browser.get(Deployments.BASE_URL + "/admin/dead-letters.xhtml");
        signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        By row = By.xpath("//tbody[@id='dead-letters:table_data']/tr[td[contains(., 'poison-" + run + "')]]");
        for (int i = 0; i < 30 && browser.findElements(row).isEmpty(); i++) {
            browser.findElement(By.id("dead-letters:refresh")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dead-letters:refresh")));
        }
        String letter = wait.until(ExpectedConditions.visibilityOfElementLocated(row)).getText();
        assertTrue(letter.contains("malformed JSON reading batch") && letter.contains("mdms.readings"), letter);

        browser.findElement(row).findElement(By.cssSelector("button[id$=':discard']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Message discarded"));
        assertTrue(browser.findElements(row).isEmpty(), "the discarded message is gone");
    }

    @Test
    void anAnalystResolvesASpikeFromTheQueueAndAnAuditorOnlyReadsIt() throws Exception {
        LocalDate day = LocalDate.of(2013, 6, 20);
        assertEquals(200, Api.admin().postCsv("readings/import?format=lcl&source=queue-" + run,
                LclDays.file(meter, day.minusDays(28), day, day, 30, 10)).status());
        String analyst = "qa" + run.toLowerCase(Locale.ROOT);
        String auditor = "qd" + run.toLowerCase(Locale.ROOT);
        Api.admin().post("users", "{\"username\":\"" + analyst + "\",\"password\":\"secret-123\",\"roles\":[\"analyst\"]}");
        Api.admin().post("users", "{\"username\":\"" + auditor + "\",\"password\":\"secret-123\",\"roles\":[\"auditor\"]}");

        browser.get(Deployments.BASE_URL + "/vee/queue.xhtml");
        signIn(analyst, "secret-123");
        By spikeRow = awaitSpikeInQueue();
        String row = wait.until(ExpectedConditions.visibilityOfElementLocated(spikeRow)).getText();
        assertTrue(row.contains("WARNING") && row.contains("OPEN") && row.contains(day.toString()), row);

        browser.findElement(spikeRow).findElement(By.xpath("td[2]")).click();
        wait.until(ExpectedConditions.attributeContains(spikeRow, "aria-selected", "true"));
        WebElement note = browser.findElement(By.id("queue:note"));
        note.clear();
        note.sendKeys("party: accepted as is");
        browser.findElement(By.id("queue:resolve")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "1 exception resolved"));

        session.close();
        session = Browser.start("queue-auditor-" + run, Duration.ofSeconds(30));
        browser = session.driver();
        wait = session.waiting();
        // The queue's filters are in the address, so a filtered queue can be bookmarked or sent.
        browser.get(Deployments.BASE_URL + "/vee/queue.xhtml?status=RESOLVED&usagePoint=" + usagePoint);
        signIn(auditor, "secret-123");
        String resolved = wait.until(ExpectedConditions.visibilityOfElementLocated(spikeRow)).getText();
        assertTrue(resolved.contains("party: accepted as is") && resolved.contains("RESOLVED"), resolved);
        assertTrue(browser.findElements(By.id("queue:resolve")).isEmpty(), "an auditor gets no actions");
    }

    /** Filters the queue by this test's usage point until the VEE worker (every 10 s) has raised its spike. */
    private By awaitSpikeInQueue() {
        By spikeRow = By.xpath("//tbody[@id='queue:table_data']/tr[td[contains(., '" + usagePoint + "')]"
                + " and td[contains(., 'spike')]]");
        for (int i = 0; i < 30 && browser.findElements(spikeRow).isEmpty(); i++) {
            browser.findElement(By.id("queue:usagePoint")).clear();
            browser.findElement(By.id("queue:usagePoint")).sendKeys(usagePoint);
            browser.findElement(By.id("queue:filter")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("queue:filter")));
            sleep(1000);
        }
        return spikeRow;
    }

    @Test
    void anAnalystOpensTheSpikeFromTheQueueAndEditsItWithAReason() throws Exception {
        LocalDate day = LocalDate.of(2013, 7, 11);
        assertEquals(200, Api.admin().postCsv("readings/import?format=lcl&source=edit-" + run,
                LclDays.file(meter, day.minusDays(28), day, day, 30, 10)).status());

        browser.get(Deployments.BASE_URL + "/vee/queue.xhtml");
        signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        By spikeRow = awaitSpikeInQueue();
        wait.until(ExpectedConditions.visibilityOfElementLocated(spikeRow)).findElement(By.linkText(usagePoint)).click();

        By spikeInterval = By.xpath("//tbody[@id='tabs:reads:table_data']/tr[td[normalize-space(.)='6 kWh']]");
        wait.until(ExpectedConditions.elementToBeClickable(spikeInterval)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-form:history")));
        session.choose("history-form:reason", "METER_FAULT");
        WebElement value = browser.findElement(By.id("history-form:value_input"));
        value.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "0.3");
        browser.findElement(By.id("history-form:save-edit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Interval edited"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:reads:table"), "0.3 kWh"));
        var spike = Api.admin().get("vee/exceptions?usagePoint=" + usagePoint + "&rule=spike").json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("RESOLVED", spike.getString("status"), spike.toString());
        assertTrue(spike.getString("note").startsWith("edited (METER_FAULT"), spike.toString());
        long channel = spike.getJsonNumber("channelId").longValue();
        var edited = Api.admin().get("usage-points/" + usagePoint + "/channels/" + channel + "/reads?from="
                + spike.getString("firstEnd") + "&to=" + java.time.Instant.parse(spike.getString("firstEnd")).plusSeconds(1))
                .json().getJsonArray("reads").getJsonObject(0);
        assertEquals("EDITED", edited.getString("source"), "the spike itself was edited: " + edited);
        assertEquals(0, new java.math.BigDecimal("0.3").compareTo(edited.getJsonNumber("value").bigDecimalValue()),
                edited.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The LCL rows of the GMT day 2013-03-31, each value the half-hour's number / 100. */
    private String day() {
        StringBuilder csv = new StringBuilder("LCLid,tstp,energy(kWh/hh)\n");
        for (int i = 0; i < 48; i++) {
            csv.append(String.format(Locale.ROOT, "%s,2013-03-31 %02d:%02d:00, %.3f %n", meter, i / 2, i % 2 * 30,
                    (i + 1) / 100.0));
        }
        return csv.toString();
    }

    private void signIn(String user, String password) {
        session.signIn(user, password);
    }
}

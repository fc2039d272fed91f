package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Billing in a real browser. A London usage point with four January days of half-hours (0.5 kWh,
 * 1 kWh from 16:00 to 19:00) on a seasonal tariff — weekday peak 16:00–19:00 at 30 p, everything
 * else off-peak at 10 p — in a cycle with read dates 2013-01-04 and 2013-01-08 (Friday to Monday):
 * an analyst calculates the period on the usage point's Determinants tab and reads the values, sees
 * them go stale when a read changes and the second version's changes; starts a billing run and sees
 * it complete; an auditor gets no Calculate button; an administrator finds the tariff and is told
 * where a day is not covered. Needs chromium and chromium-driver; runs with -Pbrowser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BillingBrowserIT {

    private static final LocalDate FIRST = LocalDate.of(2013, 1, 4);
    private static final LocalDate END = LocalDate.of(2013, 1, 8);

    private Browser session;
    private WebDriver browser;
    private WebDriverWait wait;
    private String run;
    private String meter;
    private String usagePoint;
    private String tariff;
    private String cycle;
    private String analyst;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void aUsagePointOnATariffAndCycleWithItsReads() {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        meter = "BBM" + run;
        usagePoint = "BB-" + run;
        tariff = "TOU-" + run;
        cycle = "CYC-" + run;
        analyst = "ba" + run.toLowerCase(Locale.ROOT);
        Api admin = Api.admin();
        assertEquals(1, admin.postCsv("registry/import?source=billing-it",
                "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                        + usagePoint + ",E,RESIDENTIAL,Europe/London," + meter + ",2012-12-01,KWH:30:DELIVERED\n")
                .json().getInt("created"));
        assertEquals(200, admin.postCsv("readings/import?format=lcl&source=billing-" + run, reads()).status());

        String weekday = "{\"dayType\":\"WEEKDAY\",\"start\":\"00:00\",\"end\":\"16:00\",\"period\":\"off-peak\"},"
                + "{\"dayType\":\"WEEKDAY\",\"start\":\"16:00\",\"end\":\"19:00\",\"period\":\"peak\"},"
                + "{\"dayType\":\"WEEKDAY\",\"start\":\"19:00\",\"end\":\"00:00\",\"period\":\"off-peak\"},"
                + "{\"dayType\":\"SATURDAY\",\"start\":\"00:00\",\"end\":\"00:00\",\"period\":\"off-peak\"},"
                + "{\"dayType\":\"SUNDAY\",\"start\":\"00:00\",\"end\":\"00:00\",\"period\":\"off-peak\"}";
        Api.Reply saved = admin.put("tariffs/" + tariff, "{\"name\":\"Browser TOU\",\"kind\":\"SEASONAL\","
                + "\"holidaysAsSunday\":true,\"priceUnit\":\"p/kWh\",\"prices\":{\"peak\":30,\"off-peak\":10},"
                + "\"seasons\":[{\"name\":\"all-year\",\"startDay\":\"01-01\",\"endDay\":\"01-01\",\"periods\":["
                + weekday + "]}]}", null);
        assertEquals(200, saved.status(), saved.body());
        // Read back after the transaction: the seasons come with the tariff.
        Api.Reply read = admin.get("tariffs/" + tariff);
        assertEquals(200, read.status(), read.body());
        assertEquals(5, read.json().getJsonArray("seasons").getJsonObject(0).getJsonArray("periods").size(), read.body());
        assertEquals(200, admin.put("billing-cycles/" + cycle, "{\"name\":\"Browser cycle\",\"readDates\":[\""
                + FIRST + "\",\"" + END + "\"]}", null).status());
        Api.Reply assigned = admin.put("billing-assignments", "{\"usagePoints\":[\"" + usagePoint + "\"],\"tariff\":\""
                + tariff + "\",\"billingCycle\":\"" + cycle + "\"}", null);
        assertEquals(200, assigned.status(), assigned.body());
        admin.post("users", "{\"username\":\"" + analyst + "\",\"password\":\"secret-123\",\"roles\":[\"analyst\"]}");

        session = Browser.start("billing-" + run, Duration.ofSeconds(30));
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
    void anAnalystCalculatesThePeriodSeesItGoStaleAndRunsTheCycle() {
        browser.get(Deployments.BASE_URL + "/usagepoint/detail.xhtml?code=" + usagePoint);
        session.signIn(analyst, "secret-123");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Determinants"))).click();
        assertEquals(tariff, wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("determinants-tariff")))
                .getText());
        assertEquals(cycle, browser.findElement(By.id("determinants-cycle")).getText());
        assertTrue(browser.findElement(By.id("tabs:determinants:period_label")).getText()
                .contains(FIRST + " to " + END));
        browser.findElement(By.id("tabs:determinants:calculate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "calculated"));

        String row = row();
        // Friday and Monday: 6 peak half-hours of 1 kWh each; the rest, weekend evenings included, off-peak.
        assertTrue(row.contains(FIRST + " to " + END), row);
        assertTrue(row.contains("delivered 108 received 0 net 108 CPP 0"), row);
        assertTrue(row.contains("peak 12 2 2013-01-04 16:30 +00:00 360"), row);
        assertTrue(row.contains("off-peak 96 2 2013-01-05 16:30 +00:00 960"), row);
        assertTrue(row.contains("1320"), row);
        assertTrue(row.contains("expected 192") && row.contains("present 192") && row.contains("missing 0"), row);
        assertTrue(row.contains("Final") && !row.contains("Provisional") && !row.contains("Stale"), row);
        assertTrue(row.contains("v1") && row.contains("FIRST"), row);
        session.screenshot("determinants");

        // A corrected read on Monday's peak: the determinants are stale until calculated again.
        assertEquals(200, Api.admin().postCsv("readings/import?format=lcl&source=fix-" + run,
                "LCLid,tstp,energy(kWh/hh)\n" + meter + ",2013-01-07 17:00:00,2.000\n").status());
        browser.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Determinants"))).click();
        assertTrue(row().contains("Stale"), row());
        browser.findElement(By.id("tabs:determinants:calculate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "calculated"));
        row = row();
        assertTrue(row.contains("delivered 109") && row.contains("peak 13 4 2013-01-07 17:30 +00:00 390"), row);
        assertTrue(row.contains("v2") && row.contains("STALE") && !row.contains("Stale"), row);

        browser.findElement(By.id("tabs:determinants:table:0:versions")).click();
        String versions = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("determinant-history-form:versions"))).getText();
        assertTrue(versions.contains("delivered 108 → 109 kWh") && versions.contains("peak 12 → 13 kWh")
                && versions.contains("peak max 2 → 4 kW"), versions);
        assertTrue(versions.contains("first calculation"), versions);
        session.screenshot("versions");
        browser.findElement(By.cssSelector("#determinant-history-dialog .ui-dialog-titlebar-close")).click();

        // The cycle's run: nothing changed since, so its one usage point is unchanged.
        browser.findElement(By.id("nav-billing-runs")).click();
        session.choose("start:cycle", cycle + " – Browser cycle");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start:period_label"), FIRST + " to " + END));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start:run"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "started"));
        By runRow = By.xpath("//tbody[@id='runs:table_data']/tr[td[normalize-space(.)='" + cycle + "']]");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                ExpectedConditions.textToBePresentInElementLocated(runRow, "COMPLETED"));
        String runText = browser.findElement(runRow).getText();
        assertTrue(runText.contains("1 / 1 usage points") && runText.contains("100%"), runText);
        assertTrue(runText.contains(analyst), runText);
    }

    @Test
    void anAuditorOnlyReadsAndAnAdministratorFindsTheTariffAndItsHoles() {
        String auditor = "bd" + run.toLowerCase(Locale.ROOT);
        Api.admin().post("users", "{\"username\":\"" + auditor + "\",\"password\":\"secret-123\",\"roles\":[\"auditor\"]}");
        Api.Reply page = Api.as(auditor, "secret-123").page("usagepoint/detail.xhtml?code=" + usagePoint);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("determinants-tariff"), "the auditor sees the tab");
        assertFalse(page.body().contains("Calculate now"), "an auditor gets no Calculate button");

        Api.Reply cycles = Api.admin().page("admin/billing-cycles.xhtml");
        assertEquals(200, cycles.status());
        assertTrue(cycles.body().contains(cycle) && cycles.body().contains("2013-01-04 to 2013-01-08, 1 period"));
        assertEquals(200, Api.admin().page("admin/holiday-calendars.xhtml").status());
        assertEquals(403, Api.as(auditor, "secret-123").page("admin/tariffs.xhtml").status());

        browser.get(Deployments.BASE_URL + "/admin/tariffs.xhtml");
        session.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(tariff)));
        String list = browser.findElement(By.id("tariffs:table")).getText();
        assertTrue(list.contains("Browser TOU") && list.contains("off-peak 10, peak 30 p/kWh"), list);
        browser.findElement(By.linkText(tariff)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tariff:save")));
        session.screenshot("tariff");

        // The weekday peak ends at 18:00 now: the hour to 19:00 is nobody's.
        WebElement peakEnd = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//tr[td//input[@value='peak']]//input[contains(@id, ':to')]")));
        peakEnd.click();
        peakEnd.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1800");
        browser.findElement(By.id("tariff:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "18:00–19:00"));
        assertTrue(browser.findElement(By.id("messages")).getText().contains("no period covers"),
                browser.findElement(By.id("messages")).getText());
        session.screenshot("tariff-refused");
    }

    /** The first row of the Determinants table, once shown. */
    private String row() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='tabs:determinants:table_data'] > tr:first-child"))).getText()
                .replaceAll("\\s+", " ");
    }

    /** Friday 4 to Monday 7 January 2013 (GMT = London time): 0.5 kWh a half-hour, 1 kWh from 16:00 to 19:00. */
    private String reads() {
        StringBuilder csv = new StringBuilder("LCLid,tstp,energy(kWh/hh)\n");
        for (LocalDate day = FIRST; day.isBefore(END); day = day.plusDays(1)) {
            for (int i = 0; i < 48; i++) {
                csv.append(String.format(Locale.ROOT, "%s,%s %02d:%02d:00,%s%n", meter, day, i / 2, i % 2 * 30,
                        i >= 32 && i < 38 ? "1.000" : "0.500"));
            }
        }
        return csv.toString();
    }
}

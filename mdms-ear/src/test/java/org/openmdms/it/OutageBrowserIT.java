package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The outage board in a real browser. Feeder OB-run: transformer T1 serves usage points 1–4, T2
 * serves 5–6, all in London with coordinates. Last gasps of 1, 2 and 3 two minutes ago open a
 * transformer outage on T1: an analyst sees it on the board with its counts and three red squares on
 * the map, sees the board update by itself when usage point 1 reports power back (one of three
 * restored, a blue point), drills down to its meters and notices, follows a meter to its events, and
 * closes the outage, which the board then lists as restored. An auditor sees the board and the
 * outage but no Close button, and cannot open the policy page; an administrator changes the policy
 * and is told why a share of 1.5 is refused. Needs chromium and chromium-driver; runs with -Pbrowser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutageBrowserIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final Duration POLLED = Duration.ofSeconds(45);

    private final Api admin = Api.admin();
    private Browser session;
    private WebDriver browser;
    private WebDriverWait wait;
    private String run;
    private String feeder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void aFeederInLondonAndAQuickPolicy() {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        feeder = "OB-" + run;
        StringBuilder csv = new StringBuilder("usage_point_id,commodity,customer_class,time_zone,feeder,transformer,"
                + "latitude,longitude,meter_serial,installed_from,channels\n");
        for (int i = 1; i <= 6; i++) {
            csv.append(usagePoint(i)).append(",E,RESIDENTIAL,Europe/London,").append(feeder).append(',')
                    .append(i <= 4 ? "T1" : "T2").append(',').append(i <= 4 ? "51.50" : "51.52").append(i)
                    .append(',').append(i <= 4 ? "-0.12" : "-0.10").append(i).append(',').append(meter(i))
                    .append(",2012-12-01,KWH:30:DELIVERED\n");
        }
        Api.Reply imported = admin.postCsv("registry/import?source=board-it", csv.toString());
        assertEquals(6, imported.json().getInt("created"), imported.body());
        // Half of a transformer's meters, at least two; feeders practically never; out after 5 s.
        policy("{\"transformerShare\":0.5,\"transformerMinMeters\":2,\"feederShare\":0.9,\"feederMinMeters\":10,"
                + "\"windowSeconds\":300,\"momentarySeconds\":5}");
        session = Browser.start("outage-" + run, Duration.ofSeconds(30));
        browser = session.driver();
        wait = session.waiting();
    }

    @AfterEach
    void closeWhatIsLeftAndRestoreTheDefaultPolicy() throws Exception {
        try {
            for (var value : admin.get("outages").parse().asJsonArray()) {
                JsonObject outage = value.asJsonObject();
                if (feeder.equals(outage.getString("feeder")) && !outage.containsKey("parentId")) {
                    admin.post("outages/" + outage.getJsonNumber("id").longValue() + "/close", "");
                }
            }
            policy("{\"transformerShare\":0.5,\"transformerMinMeters\":2,\"feederShare\":0.3,\"feederMinMeters\":10,"
                    + "\"windowSeconds\":300,\"momentarySeconds\":60}");
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    @Test
    void anAnalystWatchesTheOutageOnTheBoardDrillsDownAndClosesIt() {
        Instant gasp = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        long id = outageOnT1(gasp);
        String analyst = user("oa", "analyst");

        browser.get(Deployments.BASE_URL + "/index.xhtml");
        session.signIn(analyst, "secret-123");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-outages"))).click();

        String row = boardRow(id);
        assertTrue(row.startsWith("#" + id + " Transformer T1 on " + feeder + " Open "), row);
        assertTrue(row.contains(LOCAL.format(gasp.atZone(LONDON))), "started in London time: " + row);
        assertTrue(row.contains(" 4 3 3 "), "served 4, affected 3, still out 3: " + row);
        assertTrue(row.contains("0 of 3 back"), row);
        String status = browser.findElement(By.id("board:status")).getText();
        assertTrue(Integer.parseInt(browser.findElement(By.id("status-active")).getText()) >= 1, status);
        assertTrue(Integer.parseInt(browser.findElement(By.id("status-out")).getText()) >= 3, status);
        assertTrue(status.contains("waiting for detection"), status);

        assertEquals(List.of(usagePoint(1), usagePoint(2), usagePoint(3)), onMap("out"));
        assertEquals(List.of(usagePoint(4), usagePoint(5), usagePoint(6)), onMap("on"));
        assertTrue(tooltip(usagePoint(2)).contains("transformer T1 · out since "
                + LOCAL.format(gasp.plusSeconds(1).atZone(LONDON))), tooltip(usagePoint(2)));
        assertEquals(1, browser.findElements(By.cssSelector("[id='board:tabs:map'] polygon.group-out")).size(),
                "T1's area is red");
        session.screenshot("board");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('board:tabs:map').scrollIntoView();");
        session.screenshot("board-map");

        // Usage point 1 is back: the board shows it without a reload (it polls every 10 s).
        Api.Reply restore = admin.postJson("readings/batch", events(event(1, "POWER_RESTORE", gasp.plusSeconds(60))),
                "back-" + run);
        assertEquals(200, restore.status(), restore.body());
        new WebDriverWait(browser, POLLED).until(d -> boardRow(id).contains("Partially restored"));
        row = boardRow(id);
        assertTrue(row.contains(" 4 3 2 ") && row.contains("33%") && row.contains("1 of 3 back"), row);
        new WebDriverWait(browser, POLLED).until(d -> onMap("restored").equals(List.of(usagePoint(1))));
        assertEquals(List.of(usagePoint(2), usagePoint(3)), onMap("out"));
        assertTrue(tooltip(usagePoint(1)).contains("back on at " + LOCAL.format(gasp.plusSeconds(60).atZone(LONDON))),
                tooltip(usagePoint(1)));
        session.screenshot("board-partial");

        // The outage itself: its meters with when each went off and came back, and what was published.
        browser.findElement(By.xpath("//tbody[@id='board:tabs:active_data']//a[normalize-space(.)='#" + id + "']"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("outage-id"), Long.toString(id)));
        assertEquals("Partially restored", browser.findElement(By.id("outage-state")).getText());
        assertEquals("Transformer T1 on " + feeder, browser.findElement(By.id("outage-where")).getText());
        assertEquals(LOCAL.format(gasp.atZone(LONDON)), browser.findElement(By.id("outage-started")).getText());
        assertEquals("4", browser.findElement(By.id("outage-served")).getText());
        assertEquals("3", browser.findElement(By.id("outage-affected")).getText());
        assertEquals("2", browser.findElement(By.id("outage:outage-out")).getText());
        List<String> meters = rows("outage:meters");
        assertEquals(3, meters.size(), meters.toString());
        assertTrue(meters.get(0).startsWith(usagePoint(1) + " " + meter(1) + " T1 "
                + LOCAL.format(gasp.atZone(LONDON)) + " " + LOCAL.format(gasp.plusSeconds(60).atZone(LONDON)) + " on"),
                meters.get(0));
        assertTrue(meters.get(2).startsWith(usagePoint(3) + " " + meter(3) + " T1 "
                + LOCAL.format(gasp.plusSeconds(2).atZone(LONDON)) + " out"), meters.get(2));
        String notices = new WebDriverWait(browser, POLLED, Duration.ofSeconds(2)).until(d -> {
            d.navigate().refresh();
            String text = String.join("\n", rows("outage:notices"));
            return text.contains("OPENED") && text.contains("UPDATED") && !text.contains("not yet") ? text : null;
        });
        assertTrue(notices.contains("NONE"), "no webhook configured: " + notices);
        assertTrue(rows("outage:meters").stream().allMatch(m -> m.endsWith(" Events")), "each meter links to its events");
        assertEquals(List.of(usagePoint(2), usagePoint(3)), onMap("outage:map", "out"));
        session.screenshot("outage");

        // Close it: confirmed, then a growl; its meters still out count as back now.
        browser.findElement(By.id("outage:close")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        WebElement growl = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-growl-message")));
        assertTrue(growl.getText().contains("Outage " + id + " closed"), growl.getText());
        wait.until(ExpectedConditions.textToBe(By.id("outage-state"), "Restored"));
        assertEquals(analyst, browser.findElement(By.id("outage-closed-by")).getText());
        assertEquals("0", browser.findElement(By.id("outage:outage-out")).getText());
        assertTrue(browser.findElements(By.id("outage:close")).isEmpty(), "nothing left to close");
        session.screenshot("closed");

        // A meter's events: the usage point page opens on its Events tab, with the last gasp.
        String events = browser.findElement(By.xpath("//tbody[@id='outage:meters_data']/tr[1]//a[.='Events']"))
                .getAttribute("href");
        assertTrue(events.contains("code=" + usagePoint(1)) && events.contains("tab=events"), events);
        browser.get(events);
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:events-form:events")));
        assertTrue(table.getText().contains("Power off (last gasp)"), table.getText());

        // Back on the board: no longer active; in the history as restored, with its duration.
        browser.findElement(By.id("nav-outages")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board:status")));
        assertTrue(browser.findElements(By.xpath("//tbody[@id='board:tabs:active_data']//a[normalize-space(.)='#"
                + id + "']")).isEmpty(), "restored outages leave the active list");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Last 30 days"))).click();
        WebElement past = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tbody[@id='board:tabs:history_data']/tr[td//a[normalize-space(.)='#" + id + "']]")));
        assertTrue(past.getText().contains("Restored") && past.getText().contains(analyst)
                && past.getText().matches("(?s).* \\d+ min .*"), past.getText());
        session.screenshot("history");
    }

    @Test
    void anAuditorSeesTheBoardAndTheOutageButCannotCloseItNorChangeThePolicy() {
        long id = outageOnT1(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120));
        String auditor = user("ou", "auditor");

        browser.get(Deployments.BASE_URL + "/outage/board.xhtml");
        session.signIn(auditor, "secret-123");
        assertTrue(boardRow(id).contains(" Open "), boardRow(id));
        assertEquals(List.of(usagePoint(1), usagePoint(2), usagePoint(3)), onMap("out"));
        assertTrue(browser.findElements(By.id("nav-outage-policy")).isEmpty(), "no admin menu for auditors");

        browser.findElement(By.xpath("//tbody[@id='board:tabs:active_data']//a[normalize-space(.)='#" + id + "']"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("outage-id"), Long.toString(id)));
        assertEquals(3, rows("outage:meters").size());
        assertTrue(browser.findElements(By.id("outage:close")).isEmpty(), "an auditor gets no Close button");
        assertEquals(403, Api.as(auditor, "secret-123").page("admin/outage-policy.xhtml").status());
        assertEquals(403, Api.as(auditor, "secret-123").post("outages/" + id + "/close", "").status());
    }

    @Test
    void anAdministratorChangesThePolicyAndIsToldWhyAValueIsRefused() {
        browser.get(Deployments.BASE_URL + "/index.xhtml");
        session.signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#nav-admin > summary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-outage-policy"))).click();
        WebElement share = wait.until(ExpectedConditions.elementToBeClickable(By.id("policy:transformerShare")));
        assertEquals("0.5", share.getAttribute("value"));
        assertEquals("5", browser.findElement(By.id("policy:momentarySeconds")).getAttribute("value"));

        type("policy:transformerShare", "1.5");
        browser.findElement(By.id("policy:save")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='policy:transformerShare'] ~ * .ui-message-error, .ui-message-error")));
        assertTrue(refused.getText().contains("The transformer share must be more than 0 and at most 1, not 1.5"),
                refused.getText());
        session.screenshot("policy-refused");
        assertEquals(0, admin.get("outage-policy").json().getJsonNumber("transformerShare").bigDecimalValue()
                .compareTo(new java.math.BigDecimal("0.5")), "nothing saved");

        type("policy:transformerShare", "0.6");
        type("policy:windowSeconds", "600");
        type("policy:webhookUrl", "https://oms.example/outages");
        browser.findElement(By.id("policy:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Outage policy saved"));
        assertEquals(Deployments.ADMIN, browser.findElement(By.id("changed-by")).getText());
        JsonObject saved = admin.get("outage-policy").json();
        assertEquals("0.6", saved.getJsonNumber("transformerShare").bigDecimalValue().stripTrailingZeros()
                .toPlainString());
        assertEquals(600, saved.getInt("windowSeconds"));
        assertEquals("https://oms.example/outages", saved.getString("webhookUrl"));
        session.screenshot("policy");
    }

    /** Last gasps of usage points 1–3 (a second apart): waits for the transformer outage on T1 and returns its id. */
    private long outageOnT1(Instant gasp) {
        Api.Reply sent = admin.postJson("readings/batch", events(event(1, "LAST_GASP", gasp),
                event(2, "LAST_GASP", gasp.plusSeconds(1)), event(3, "LAST_GASP", gasp.plusSeconds(2))), "out-" + run);
        assertEquals(200, sent.status(), sent.body());
        for (int i = 0; i < 60; i++) {
            for (var value : admin.get("outages").parse().asJsonArray()) {
                JsonObject outage = value.asJsonObject();
                if (feeder.equals(outage.getString("feeder")) && "T1".equals(outage.getString("transformer", null))) {
                    return outage.getJsonNumber("id").longValue();
                }
            }
            sleep(500);
        }
        throw new AssertionError("no outage opened on T1 of " + feeder + " within 30 s");
    }

    /**
     * The board's row of the outage (whitespace collapsed), once shown. The board polls: a row found
     * just before the poll replaces the table is stale by the time it is read, and is looked up again.
     */
    private String boardRow(long id) {
        By row = By.xpath("//tbody[@id='board:tabs:active_data']/tr[td//a[normalize-space(.)='#" + id + "']]");
        return wait.until(d -> {
            try {
                org.openqa.selenium.WebElement found = d.findElement(row);
                return found.isDisplayed() ? found.getText().replaceAll("\\s+", " ") : null;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return null;
            }
        });
    }

    /** This feeder's usage points drawn on the board's map with the mark, by code. */
    private List<String> onMap(String mark) {
        return onMap("board:tabs:map", mark);
    }

    @SuppressWarnings("unchecked")
    private List<String> onMap(String mapId, String mark) {
        List<String> titles = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(\"[id='\" + arguments[0] + \"'] svg use.\" + arguments[1]))"
                        + ".map(u => u.textContent);", mapId, mark);
        assertNotNull(titles);
        return titles.stream().filter(t -> t.startsWith("UP-OB-" + run + "-")).map(t -> t.substring(0, t.indexOf(' ')))
                .sorted().toList();
    }

    private String tooltip(String usagePoint) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(\"[id='board:tabs:map'] svg use\"))"
                        + ".map(u => u.textContent).find(t => t.startsWith(arguments[0] + ' '));", usagePoint);
    }

    private List<String> rows(String tableId) {
        return browser.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr")).stream()
                .map(r -> r.getText().replaceAll("\\s+", " ")).toList();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String user(String prefix, String role) {
        String name = prefix + run.toLowerCase(Locale.ROOT);
        Api.Reply created = admin.post("users", "{\"username\":\"" + name + "\",\"password\":\"secret-123\",\"roles\":[\""
                + role + "\"]}");
        assertTrue(created.status() == 201 || created.status() == 200, created.body());
        return name;
    }

    private void policy(String json) {
        Api.Reply reply = admin.put("outage-policy", json, null);
        assertEquals(200, reply.status(), reply.body());
    }

    private String usagePoint(int i) {
        return "UP-OB-" + run + "-" + i;
    }

    private String meter(int i) {
        return "OBM" + run + i;
    }

    private String events(String... events) {
        return "{\"source\":\"HES-OB-" + run + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    private String event(int i, String type, Instant at) {
        return "{\"meterId\":\"" + meter(i) + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\"}";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

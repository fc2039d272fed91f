package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
 * An administrator in a real browser (Debian's headless Chromium): signs in, finds a meter by the
 * list filter and by the header search box, opens its detail page, edits it, and sees form
 * validation. Needs chromium and chromium-driver; runs with -Pbrowser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeterSearchBrowserIT {

    private WebDriver browser;
    private WebDriverWait wait;
    private String run;
    private Browser session;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void startBrowserWithAMeterInstalled() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Api admin = Api.admin();
        assertEquals(201, admin.post("usage-points", "{\"code\":\"BR-" + run + "\",\"commodity\":\"ELECTRIC\","
                + "\"customerClass\":\"RESIDENTIAL\",\"timeZone\":\"Europe/London\",\"accountId\":\"ACC-BR-" + run
                + "\",\"feeder\":\"FBR-" + run + "\"}").status());
        assertEquals(201, admin.post("usage-points/BR-" + run + "/channels",
                "{\"unit\":\"KWH\",\"intervalMinutes\":30,\"flowDirection\":\"DELIVERED\"}").status());
        assertEquals(201, admin.post("meters", "{\"serialNumber\":\"BRM" + run + "\",\"manufacturer\":\"Itron\","
                + "\"model\":\"E470\",\"commodity\":\"ELECTRIC\",\"multiplier\":1}").status());
        // Installed on the autumn DST day at 01:30 BST: shown as 01:30 +01:00 in London time.
        assertEquals(200, admin.post("usage-points/BR-" + run + "/installation",
                "{\"meterSerialNumber\":\"BRM" + run + "\",\"at\":\"2013-10-27T00:30:00Z\"}").status());

        session = Browser.start("search-" + run, Duration.ofSeconds(20));
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
    void adminSignsInFindsTheMeterAndOpensItsDetailPage() {
        browser.get(Deployments.BASE_URL + "/meter/list.xhtml");
        signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);

        WebElement serialFilter = wait.until(ExpectedConditions.elementToBeClickable(
                By.id("meters:table:serial:filter")));
        serialFilter.sendKeys("brm" + run);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#meters\\:table_data > tr"), 1));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("BRM" + run))).click();

        wait.until(ExpectedConditions.textToBe(By.id("meter-serial"), "BRM" + run));
        assertEquals("INSTALLED", browser.findElement(By.id("meter-status")).getText());
        assertEquals("BR-" + run, browser.findElement(By.id("meter-usage-point")).getText());
        String history = browser.findElement(By.id("tabs:installations")).getText();
        assertTrue(history.contains("BR-" + run), history);
        assertTrue(history.contains("2013-10-27 01:30 +01:00"), history);
        assertTrue(history.contains("still installed"), history);
    }

    @Test
    void headerSearchGoesStraightToTheMeterAndAnAdminEditsIt() {
        browser.get(Deployments.BASE_URL + "/index.xhtml");
        signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);

        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("search:q_input")));
        search.sendKeys("BRM" + run);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-autocomplete-item"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("meter-serial"), "BRM" + run));

        browser.findElement(By.id("actions:edit")).click();
        WebElement model = wait.until(ExpectedConditions.elementToBeClickable(By.id("meter:model")));
        model.clear();
        model.sendKeys("E570");
        browser.findElement(By.id("meter:save")).click();

        wait.until(ExpectedConditions.textToBe(By.id("meter-serial"), "BRM" + run));
        assertTrue(browser.findElement(By.id("meter-detail")).getText().contains("Itron E570"));
    }

    @Test
    void aNewMeterWithoutSerialNumberShowsTheMessageNextToTheField() {
        browser.get(Deployments.BASE_URL + "/meter/edit.xhtml");
        signIn(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);

        wait.until(ExpectedConditions.elementToBeClickable(By.id("meter:save"))).click();

        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='meter:serialNumber'] ~ .ui-message-error, .ui-message-error")));
        assertTrue(message.getText().contains("Serial number is required"), message.getText());
    }

    private void signIn(String user, String password) {
        session.signIn(user, password);
    }
}

package it.care.enclave;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.bidi.log.LogLevel;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser or driver),
 * with a fresh profile, the IT server's self-signed certificate accepted, and WebDriver BiDi to log every
 * request the page makes (and to tamper with responses in the trust tests). Without chromium the browser
 * tests are skipped loudly, unless {@code ENCLAVE_CARE_REQUIRE_BROWSER=1} (CI) makes that a failure.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/portal-screenshots");

    final ChromeDriver driver;
    final Network network;
    final LogInspector logs;
    final WebDriverWait wait;
    private final List<String> requests = new ArrayList<>();
    private final List<String> scriptErrors = new ArrayList<>();
    private long bytesReceived;
    private final Path profile;

    static void assumeAvailable() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing (apt-get install -y chromium chromium-driver)";
        if ("1".equals(System.getenv("ENCLAVE_CARE_REQUIRE_BROWSER"))) {
            fail(message + ", and ENCLAVE_CARE_REQUIRE_BROWSER=1 requires them");
        }
        System.err.println("\n!!!!!!!! " + message + " !!!!!!!!\n");
        Assumptions.abort(message);
    }

    PortalBrowser() {
        assumeAvailable();
        try {
            profile = Files.createTempDirectory("portal-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        options.setAcceptInsecureCerts(true);
        options.setCapability("webSocketUrl", true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        network = new Network(driver);
        network.onBeforeRequestSent(event -> record(event.getRequest().getMethod() + " " + event.getRequest().getUrl()));
        network.onResponseCompleted(event -> addBytes(event.getResponseData().getBytesReceived()));
        logs = new LogInspector(driver);
        logs.onLog(entry -> {
            if (entry.getJavascriptLogEntry().isPresent() || entry.getConsoleLogEntry().isPresent()
                    && entry.getConsoleLogEntry().get().getLevel() == LogLevel.ERROR) {
                String text = entry.getJavascriptLogEntry().map(e -> e.getText())
                        .orElseGet(() -> entry.getConsoleLogEntry().get().getText());
                synchronized (this) {
                    scriptErrors.add(text);
                }
            }
        });
    }

    /** Uncaught script errors and console errors of the pages so far (an expected 401 or 404 shows here too). */
    synchronized List<String> scriptErrors() {
        return List.copyOf(scriptErrors);
    }

    private synchronized void addBytes(long bytes) {
        bytesReceived += bytes;
    }

    /** Bytes the browser received for all responses so far, as the network layer counted them (BiDi). */
    synchronized long bytesReceived() {
        return bytesReceived;
    }

    private synchronized void record(String request) {
        requests.add(request);
    }

    /** Every request the browser made so far, as "METHOD url". */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized void forgetRequests() {
        requests.clear();
    }

    static String origin() {
        URI base = ItServer.https("/");
        return base.getScheme() + "://" + base.getAuthority();
    }

    void open(String path) {
        driver.get(origin() + path);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** Signs in through the login page and waits for the portal. */
    void signIn(String password) {
        open("/login");
        visible("username").sendKeys("clerk");
        byId("password").sendKeys(password);
        byId("sign-in").click();
        visible("main");
    }

    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Date inputs take keystrokes in the browser's locale format; setting the value is locale-independent. */
    void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", byId(id), isoDate);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes transferred for this page and everything it loaded (Resource Timing: headers and encoded bodies). */
    @SuppressWarnings("unchecked")
    Map<String, Object> pageWeight() {
        return (Map<String, Object>) script("const entries = [...performance.getEntriesByType('navigation'),"
                + " ...performance.getEntriesByType('resource')];"
                + "return {bytes: entries.reduce((sum, e) => sum + e.transferSize, 0), requests: entries.length,"
                + " files: entries.map(e => e.name + ' ' + e.transferSize)};");
    }

    /** Requests whose host is not the IT server (blob: URLs of the page's own images are local). */
    List<String> requestsToOtherHosts() {
        String origin = origin() + "/";
        return requests().stream().map(r -> r.substring(r.indexOf(' ') + 1))
                .filter(url -> !url.startsWith(origin) && !url.startsWith("blob:" + origin)).toList();
    }

    @Override
    public void close() {
        try {
            logs.close();
            network.close();
        } finally {
            driver.quit();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}

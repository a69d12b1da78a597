package io.leadlistener.admin.console;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium as the console's browser tests drive it, and where their screenshots go. */
final class ChromiumBrowser {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private ChromiumBrowser() {
    }

    /** A Chinese-speaking headless Chromium with a window of this size (Selenium Manager never used). */
    static WebDriver start(int width, int height) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailable.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(width, height));
        Files.createDirectories(SCREENSHOTS);
        return browser;
    }

    /** The page as it looks now, as target/console-screenshots/{name}.png (docs/console.md shows them). */
    static void screenshot(WebDriver browser, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

package io.leadlistener.admin.console;

import static io.leadlistener.testsupport.RulesAndMessages.addRule;
import static io.leadlistener.testsupport.RulesAndMessages.discardDraft;
import static io.leadlistener.testsupport.RulesAndMessages.storeProcessedMessage;
import static io.leadlistener.testsupport.RulesAndMessages.unique;
import static io.leadlistener.testsupport.RulesAndMessages.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in Debian's headless Firefox (ESR): sign in, the tester highlights a keyword, the impact preview shows
 * a stored message, and a stored message with HTML in it is shown as text. The full walk-through runs in Chromium
 * ({@link RulesConsoleBrowserTest}); this checks that nothing in the script is Chromium-only.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@ExtendWith(FirefoxAvailable.class)
class RulesConsoleFirefoxTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TENANT = "lab";

    @TestHTTPResource("/console")
    URL console;

    @Test
    void signsInTestsAMessagePreviewsImpactAndShowsCustomerHtmlAsText() throws Exception {
        String keyword = uniqueWord("火狐");
        String html = "<b>粗体</b><img src=x onerror=alert(1)>想问" + keyword;
        String messageId = storeProcessedMessage(TENANT, unique("ff-"), html);
        discardDraft(TENANT);
        addRule(TENANT, "quote", "keyword", keyword, false);
        try (FirefoxBiDi firefox = FirefoxBiDi.start()) {
            firefox.navigate(console.toString());
            firefox.waitUntil("location.pathname === '/console/login'", WAIT);
            firefox.evaluate("document.getElementById('token').value = 'test-admin-token';"
                    + " document.getElementById('sign-in').click(); true");
            firefox.waitUntil("document.getElementById('user')?.textContent === 'test-admin'", WAIT);

            firefox.evaluate("const tenant = document.getElementById('tenant'); tenant.value = '" + TENANT + "';"
                    + " tenant.dispatchEvent(new Event('change')); location.hash = '#rules'; true");
            firefox.evaluate("document.getElementById('tester-draft').click();"
                    + " const text = document.getElementById('tester-text'); text.value = '我想了解" + keyword
                    + "'; text.dispatchEvent(new Event('input')); true");
            firefox.waitUntil("[...document.querySelectorAll('#tester-highlighted mark')]"
                    + ".some(mark => mark.textContent === '" + keyword + "')", WAIT);
            assertThat(firefox.evaluate("document.getElementById('tester-intents').textContent").asText())
                    .contains("报价");

            firefox.evaluate("document.getElementById('impact').click(); true");
            firefox.waitUntil("document.querySelector(\"#impact-result [data-message-id='" + messageId + "']\")",
                    WAIT);
            assertThat(firefox.evaluate("document.querySelector(\"#impact-result [data-message-id='" + messageId
                    + "']\").textContent").asText()).contains(html);
            assertThat(firefox.evaluate("document.querySelectorAll('#impact-result b, #impact-result img').length")
                    .asInt()).isZero();

            firefox.evaluate("document.getElementById('lookup-id').value = '" + messageId + "';"
                    + " document.getElementById('lookup-go').click(); true");
            firefox.waitUntil("document.getElementById('lookup-text')?.textContent === "
                    + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(html), WAIT);
            assertThat(firefox.evaluate("document.querySelectorAll('#lookup-result b, #lookup-result img').length")
                    .asInt()).isZero();
        } finally {
            discardDraft(TENANT);
        }
    }
}

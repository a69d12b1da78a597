package io.leadlistener.admin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The console's page shells ({@code templates/console/*.html}); Qute escapes every expression in them. Customer text
 * never reaches these pages: the page's script fetches it and inserts it with {@code textContent}.
 */
@CheckedTemplate(basePath = "console")
final class ConsolePages {

    private ConsolePages() {
    }

    /**
     * @param formExpired the form's CSRF field did not match its cookie
     * @param throttledSeconds when above 0, too many failed sign-ins: how long to wait
     * @param csrf the sign-in form's CSRF token (also set as a cookie)
     * @param singleSignOn whether to offer the identity provider's sign-in too
     */
    static native TemplateInstance login(boolean en, boolean refused, boolean formExpired, long throttledSeconds,
                                         String csrf, boolean singleSignOn);

    /**
     * @param role    the credential's role ({@code viewer} … {@code admin}): the page offers what it may do
     * @param tenants the configured tenants the credential may open, comma-separated: the tenant picker's choices
     * @param zone    where times are shown (leadlistener.console.time-zone)
     */
    static native TemplateInstance console(String csrfToken, String user, String lang, String role, String tenants,
                                           String zone);

    static String language(String query, String cookie) {
        String chosen = query != null ? query : cookie;
        return "en".equals(chosen) ? "en" : "zh";
    }
}

package io.leadlistener.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Session cookies and CSRF tokens: forgery, alteration, and keys per replica (the store decides what is live). */
class ConsoleSessionsTest {

    private static final SessionCookies COOKIES = new SessionCookies(
            "0123456789abcdef0123456789abcdef-shared".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCookieNamesItsSessionIdAndNothingElseIsAccepted() {
        byte[] id = SessionCookies.newId();
        String cookie = COOKIES.cookieFor(id);

        assertThat(COOKIES.idOf(cookie)).hasValueSatisfying(read -> assertThat(read).isEqualTo(id));
        String[] parts = cookie.split("\\.");
        String otherId = Base64.getUrlEncoder().withoutPadding().encodeToString(SessionCookies.newId()) + "." + parts[1];
        assertThat(COOKIES.idOf(otherId)).as("another id with this signature").isEmpty();
        assertThat(COOKIES.idOf(parts[0] + ".AAAA")).isEmpty();
        assertThat(COOKIES.idOf("not-a-cookie")).isEmpty();
        assertThat(COOKIES.idOf("")).isEmpty();
        assertThat(COOKIES.idOf(null)).isEmpty();
        assertThat(COOKIES.idOf("Zm9v.9999999999.forged")).as("the old three-part format").isEmpty();
        assertThat(new SessionCookies("another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8))
                .idOf(cookie)).as("another replica's key").isEmpty();
    }

    @Test
    void theCsrfTokenBelongsToOneSessionAndTheTokenCheckToOneToken() {
        byte[] first = SessionCookies.newId();
        byte[] second = SessionCookies.newId();
        assertThat(COOKIES.csrfTokenFor(first)).isEqualTo(COOKIES.csrfTokenFor(first))
                .isNotEqualTo(COOKIES.csrfTokenFor(second));
        ConsoleSessions.Session session = new ConsoleSessions.Session(AdminCredential.of("ops", Role.ADMIN, "*"), java.time.Instant.EPOCH,
                COOKIES.csrfTokenFor(first));
        assertThat(ConsoleSessions.csrfMatches(session, COOKIES.csrfTokenFor(first))).isTrue();
        assertThat(ConsoleSessions.csrfMatches(session, COOKIES.csrfTokenFor(second))).isFalse();
        assertThat(ConsoleSessions.csrfMatches(session, null)).isFalse();

        byte[] digest = SessionCookies.sha256("a-token".getBytes(StandardCharsets.UTF_8));
        assertThat(COOKIES.tokenCheck(digest)).isEqualTo(COOKIES.tokenCheck(digest.clone()))
                .isNotEqualTo(COOKIES.tokenCheck(SessionCookies.sha256("b-token".getBytes(StandardCharsets.UTF_8))))
                .as("keyed: not the digest itself").isNotEqualTo(digest);
    }
}

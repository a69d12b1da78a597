package io.leadlistener.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Console sessions: a signed cookie naming a random session id ({@link SessionCookies}), and the session itself in
 * PostgreSQL ({@link ConsoleSessionStore}) — so signing out, or a change of the credential's token, ends it on every
 * replica at once. The CSRF token is bound to the session.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "ll_console";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);

    /** A live session: which credential signed in (a configured one, or a single sign-on's), until when, and the CSRF token bound to it. */
    public record Session(AdminCredential credential, Instant expiresAt, String csrfToken) {

        public String credentialName() {
            return credential.name();
        }
    }

    private final SessionCookies cookies;
    private final ConsoleSessionStore store;
    private final AdminCredentials credentials;
    private final ConsoleConfig config;
    private final Clock clock;

    @jakarta.inject.Inject
    public ConsoleSessions(ConsoleConfig config, ConsoleSessionStore store, AdminCredentials credentials) {
        this(config, store, credentials, Clock.systemUTC());
    }

    ConsoleSessions(ConsoleConfig config, ConsoleSessionStore store, AdminCredentials credentials, Clock clock) {
        this.config = config;
        this.store = store;
        this.credentials = credentials;
        this.clock = clock;
        this.cookies = new SessionCookies(config.sessionKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            LOG.warn("leadlistener.console.session-key is not set: console sessions are signed with a key generated "
                    + "at start, so they end on restart and do not work across replicas. Set the same key on every "
                    + "replica from a Secret (docs/console.md)");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }));
    }

    /** Begins a session for the credential; @return the cookie value */
    public String issue(String credentialName) {
        byte[] tokenDigest = credentials.tokenDigest(credentialName)
                .orElseThrow(() -> new IllegalArgumentException("no credential named " + credentialName));
        byte[] id = SessionCookies.newId();
        store.begin(SessionCookies.sha256(id), credentialName, cookies.tokenCheck(tokenDigest),
                clock.instant().plus(config.sessionLifetime()));
        return cookies.cookieFor(id);
    }

    /** Begins a session for a single sign-on, with the role and tenants its ID token gave; @return the cookie value */
    public String issueSingleSignOn(AdminCredential credential) {
        byte[] id = SessionCookies.newId();
        store.beginSingleSignOn(SessionCookies.sha256(id), credential, clock.instant().plus(config.sessionLifetime()));
        return cookies.cookieFor(id);
    }

    /**
     * The live session of a cookie: signed with this key, not ended or expired in the store, and — for a configured
     * credential — that credential still configured with the token it signed in with.
     */
    public Optional<Session> verify(String cookieValue) {
        return cookies.idOf(cookieValue).flatMap(id -> store.live(SessionCookies.sha256(id))
                .flatMap(live -> credentialOf(live)
                        .map(credential -> new Session(credential, live.expiresAt(), cookies.csrfTokenFor(id)))));
    }

    private Optional<AdminCredential> credentialOf(ConsoleSessionStore.Live live) {
        if (live.role() != null) {
            return Role.parse(live.role()).map(role -> AdminCredential.of(live.credentialName(), role, live.tenants()));
        }
        return credentials.named(live.credentialName()).filter(credential -> credentials.tokenDigest(credential.name())
                .map(digest -> MessageDigest.isEqual(cookies.tokenCheck(digest), live.tokenCheck()))
                .orElse(false));
    }

    /**
     * Whether this key signed the cookie, ended or not: a browser left open sends its expired cookie again and
     * again, which is not guessing; an altered or forged cookie is.
     */
    public boolean signedHere(String cookieValue) {
        return cookies.idOf(cookieValue).isPresent();
    }

    /** Ends the cookie's session everywhere (sign-out); a cookie that names no live session changes nothing. */
    public void end(String cookieValue) {
        cookies.idOf(cookieValue).ifPresent(id -> store.end(SessionCookies.sha256(id)));
    }

    /** Constant-time comparison of a presented CSRF token with the session's. */
    public static boolean csrfMatches(Session session, String presented) {
        return sameToken(presented, session.csrfToken());
    }

    /** Constant-time comparison of a presented token with the expected one; nothing matches a missing or empty one. */
    public static boolean sameToken(String presented, String expected) {
        return presented != null && expected != null && !expected.isEmpty()
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    public boolean secureCookie() {
        return config.secureCookie();
    }

    public long lifetimeSeconds() {
        return config.sessionLifetime().toSeconds();
    }

}

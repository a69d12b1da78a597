package io.leadlistener.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WeCom server API as far as the service's actions need it, inside the harness on a free loopback port:
 * {@code gettoken} for the app secret and the 客户联系 secret (a token each), {@code message/send} (alerts), the
 * corporate tag calls ({@link FakeCorpTagList}) with {@code mark_tag}, and {@code externalcontact/get} (a small
 * profile — an unknown customer would answer 84061 and park the fetch). Every call answers errcode 0 at once.
 *
 * <p>It records when the call that ends a message's path arrived — in alert mode the alert, tied back to its message
 * by the customer its markdown names ({@code > 客户：<contact id>}, see the service's {@code AlertComposer}); in tag
 * mode the {@code mark_tag}, by its {@code external_userid} — at the moment the request reached the server, before
 * its body was read. The other calls are counted. The service's tokens and JSON are checked for real by the tests'
 * {@code FakeWeComApi}; here a token of the wrong secret is counted, not refused, so a mistake shows in the report
 * instead of as retries.
 */
final class FakeWeComActions implements ArrivalWatcher, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER_LINE = "> 客户：";

    private final HttpServer server;
    private final LoadSettings.Mode mode;
    private final String appSecret = secret();
    private final String contactSecret = secret();
    private final String appToken = "load-app-" + UUID.randomUUID();
    private final String contactToken = "load-contact-" + UUID.randomUUID();
    private final FakeCorpTagList corpTags = new FakeCorpTagList();
    private final ExpectedArrivals expected = new ExpectedArrivals();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong marks = new AtomicLong();
    private final AtomicLong profiles = new AtomicLong();
    private final AtomicLong wrongToken = new AtomicLong();
    private final AtomicLong appTokens = new AtomicLong();
    private final AtomicLong contactTokens = new AtomicLong();
    private volatile Throwable failure;

    private FakeWeComActions(HttpServer server, LoadSettings.Mode mode) {
        this.server = server;
        this.mode = mode;
        server.createContext("/cgi-bin/gettoken", guarded(this::getToken));
        server.createContext("/cgi-bin/message/send", guarded(this::sendMessage));
        server.createContext("/cgi-bin/externalcontact/get_corp_tag_list",
                guarded(exchange -> contactCall(exchange, corpTags.list())));
        server.createContext("/cgi-bin/externalcontact/add_corp_tag",
                guarded(exchange -> contactCall(exchange, corpTags.add(JSON.readTree(exchange.getRequestBody())))));
        server.createContext("/cgi-bin/externalcontact/mark_tag", guarded(this::markTag));
        server.createContext("/cgi-bin/externalcontact/get", guarded(this::externalContact));
        server.start();
    }

    /** @param mode which call ends a message's path: the alert ({@code alerts}) or the tag mark ({@code tags}) */
    static FakeWeComActions start(LoadSettings.Mode mode) throws IOException {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body of
        // every keep-alive response could wait for the client's delayed ACK (~40 ms), a cost real WeCom does not add.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return new FakeWeComActions(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
                mode);
    }

    /** What the service's tenant sets as {@code api-base-url}: plain HTTP, allowed for a loopback host. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The tenant's {@code app-secret}: its token sends alerts. */
    String appSecret() {
        return appSecret;
    }

    /** The tenant's {@code contact-secret} (客户联系): its token lists, creates and marks tags and reads profiles. */
    String contactSecret() {
        return contactSecret;
    }

    @Override
    public ExpectedArrivals expected() {
        return expected;
    }

    @Override
    public void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the fake WeCom API failed", failure);
        }
    }

    @Override
    public String tally() {
        return alerts.get() + " alerts, " + marks.get() + " tag marks, " + profiles.get() + " profiles read, "
                + corpTags.tally() + " (tokens issued: " + appTokens.get() + " for the app secret, "
                + contactTokens.get() + " for the contact secret); " + expected.unmatched() + " " + mode.arrival
                + "s of no message of this run or a second one for the same message, " + wrongToken.get()
                + " calls with a token we never issued for that secret";
    }

    private void getToken(HttpExchange exchange) throws IOException {
        drain(exchange.getRequestBody());
        String secret = queryParameter(exchange, "corpsecret");
        String token = appSecret.equals(secret) ? appToken : contactSecret.equals(secret) ? contactToken : null;
        if (token == null) {
            respond(exchange, JSON.createObjectNode().put("errcode", 40001).put("errmsg", "invalid credential"));
            return;
        }
        (token.equals(appToken) ? appTokens : contactTokens).incrementAndGet();
        respond(exchange, ok().put("access_token", token).put("expires_in", 7200));
    }

    private void sendMessage(HttpExchange exchange) throws IOException {
        long arrivedNanos = System.nanoTime();
        checkToken(exchange, appToken);
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        alerts.incrementAndGet();
        if (mode == LoadSettings.Mode.ALERTS) {
            expected.arrived(customer(body.path("markdown").path("content").asText()), arrivedNanos);
        }
        respond(exchange, ok().put("invaliduser", "").put("invalidparty", "").put("msgid", "load-" + alerts.get()));
    }

    private void markTag(HttpExchange exchange) throws IOException {
        long arrivedNanos = System.nanoTime();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        marks.incrementAndGet();
        corpTags.checkMarked(body.path("add_tag"));
        if (mode == LoadSettings.Mode.TAGS) {
            expected.arrived(body.path("external_userid").asText(), arrivedNanos);
        }
        contactCall(exchange, ok());
    }

    /**
     * A small profile, as {@code externalcontact/get} answers it (made up; no follow users listed, which the service
     * stores as they come).
     */
    private void externalContact(HttpExchange exchange) throws IOException {
        drain(exchange.getRequestBody());
        String externalUserId = queryParameter(exchange, "external_userid");
        profiles.incrementAndGet();
        ObjectNode answer = ok();
        answer.putObject("external_contact").put("external_userid", externalUserId).put("name", "客户" + externalUserId)
                .put("type", 1).put("gender", 0);
        answer.putArray("follow_user");
        contactCall(exchange, answer);
    }

    /** Answers a call that must carry the contact secret's token. */
    private void contactCall(HttpExchange exchange, ObjectNode answer) throws IOException {
        checkToken(exchange, contactToken);
        respond(exchange, answer);
    }

    private void checkToken(HttpExchange exchange, String token) {
        if (!token.equals(queryParameter(exchange, "access_token"))) {
            wrongToken.incrementAndGet();
        }
    }

    /** A failed handler fails the run (checkHealthy) rather than only the one request. */
    private HttpHandler guarded(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                failure = e;
                throw e;
            }
        };
    }

    /** The customer line's value, or "" when the content has none. */
    static String customer(String markdown) {
        int start = markdown.indexOf(CUSTOMER_LINE);
        if (start < 0) {
            return "";
        }
        start += CUSTOMER_LINE.length();
        int end = markdown.indexOf('\n', start);
        return (end < 0 ? markdown.substring(start) : markdown.substring(start, end)).strip();
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    /** Random, and of the pattern the service pins for secrets ({@code [A-Za-z0-9_-]{16,128}}). */
    private static String secret() {
        return "load" + UUID.randomUUID().toString().replace("-", "");
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    }

    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }

    private static void respond(HttpExchange exchange, ObjectNode answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

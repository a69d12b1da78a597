package io.leadlistener.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WeCom server API as far as alerts need it, inside the harness on a free loopback port: {@code gettoken} hands
 * out one token, {@code message/send} answers errcode 0 and records when each alert arrived. An alert is tied back to
 * the message that caused it by the customer its markdown names ({@code > 客户：<contact id>}, see the service's
 * {@code AlertComposer}); the arrival is the moment the request reached the server, before its body was read.
 * The service's token and JSON are checked for real by the tests' {@code FakeWeComApi}; here a wrong token is
 * counted, not refused, so a mistake shows in the report instead of as retries.
 */
final class FakeWeComAlerts implements ArrivalWatcher, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER_LINE = "> 客户：";

    private record Expected(PhaseRecorder phase, long intendedNanos) {
    }

    private final HttpServer server;
    private final String accessToken = "load-" + UUID.randomUUID();
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong wrongToken = new AtomicLong();
    private final AtomicLong tokensIssued = new AtomicLong();
    private volatile Throwable failure;

    private FakeWeComAlerts(HttpServer server) {
        this.server = server;
        server.createContext("/cgi-bin/gettoken", this::getToken);
        server.createContext("/cgi-bin/message/send", this::sendMessage);
        server.start();
    }

    static FakeWeComAlerts start() throws IOException {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body of
        // every keep-alive response could wait for the client's delayed ACK (~40 ms), a cost real WeCom does not add.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return new FakeWeComAlerts(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** What the service's tenant sets as {@code api-base-url}: plain HTTP, allowed for a loopback host. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void expect(String customer, PhaseRecorder phase, long intendedNanos) {
        expected.put(customer, new Expected(phase, intendedNanos));
    }

    @Override
    public void forget(String customer) {
        expected.remove(customer);
    }

    @Override
    public void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the fake WeCom API failed", failure);
        }
    }

    @Override
    public String tally() {
        return alerts.get() + " alerts received (" + tokensIssued.get() + " tokens issued), " + unmatched.get()
                + " of no message of this run or a second one for the same message, " + wrongToken.get()
                + " with a token we never issued";
    }

    /** Alerts for no expected message: a repeat for the same customer, or a customer the run never wrote as. */
    long unmatched() {
        return unmatched.get();
    }

    private void getToken(HttpExchange exchange) throws IOException {
        drain(exchange.getRequestBody());
        tokensIssued.incrementAndGet();
        respond(exchange, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                .put("access_token", accessToken).put("expires_in", 7200));
    }

    private void sendMessage(HttpExchange exchange) throws IOException {
        long arrivedNanos = System.nanoTime();
        try {
            if (!("access_token=" + accessToken).equals(exchange.getRequestURI().getRawQuery())) {
                wrongToken.incrementAndGet();
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            alerts.incrementAndGet();
            Expected match = expected.remove(customer(body.path("markdown").path("content").asText()));
            if (match == null) {
                unmatched.incrementAndGet();
            } else {
                match.phase().arrived(match.intendedNanos(), arrivedNanos);
            }
            respond(exchange, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                    .put("invaliduser", "").put("invalidparty", "").put("msgid", "load-" + alerts.get()));
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
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

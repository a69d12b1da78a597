package io.leadlistener.localinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small stand-in for WeCom's server API in dev mode, so that the demo tenant's alerts go somewhere visible: it
 * answers {@code GET /cgi-bin/gettoken} for the demo app's CorpID and Secret and {@code POST /cgi-bin/message/send}
 * for a token it issued, checks the message like WeCom ({@link AppMessageCheck}), and logs each alert it accepts in
 * one line. Nothing is delivered anywhere. A real tenant points {@code api-base-url} at https://qyapi.weixin.qq.com.
 *
 * <p>One per JVM, on a loopback port. Quarkus builds its configuration several times (build step, runtime, every
 * live reload), and each build restarts the fake with the demo app's current values and this class loader's code. The
 * port stays the same, so a URL the service read from an earlier build still works. The only handle on the running
 * server that survives a live reload's new class loader is a JDK type found JVM-wide: the thread that owns it, by
 * name; interrupting that thread stops the server.
 */
public final class LocalWeComApi {

    /** The configuration key the dev profile's {@code api-base-url} reads the fake's address from. */
    public static final String BASE_URL_KEY = "localinfra.wecom-api-base-url";

    static final String OWNER_THREAD_NAME = "local-wecom-api";
    /** Not under {@code leadlistener.}, which the service's config mapping owns (see {@link LocalInfrastructure}). */
    private static final String PORT_PROPERTY = "io.leadlistener.localinfra.wecom-api.port";
    /** String literals are interned JVM-wide, so each class loader's copy of this class locks the same object. */
    private static final String JVM_WIDE_LOCK = "io.leadlistener.localinfra.LocalWeComApi";
    private static final long TOKEN_SECONDS = 7200;

    private static final Logger LOG = Logger.getLogger(LocalWeComApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoApp app;
    private final HttpServer server;
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong acceptedMessages = new AtomicLong();

    private LocalWeComApi(DemoApp app, HttpServer server) {
        this.app = app;
        this.server = server;
        server.createContext("/", this::handle);
    }

    /**
     * Stops the fake this JVM runs, if any, and starts one for {@code app} on the same port (a free one the first
     * time).
     *
     * @return the base URL to configure as the tenant's {@code api-base-url}
     */
    public static String startOrRestart(DemoApp app) {
        synchronized (JVM_WIDE_LOCK) {
            stop();
            LocalWeComApi api = new LocalWeComApi(app, bind(Integer.getInteger(PORT_PROPERTY, 0)));
            int port = api.server.getAddress().getPort();
            System.setProperty(PORT_PROPERTY, Integer.toString(port));
            // A daemon owner, and the server started from it: its dispatcher thread inherits that and never keeps
            // the JVM alive after dev mode ends.
            Thread owner = new Thread(api::serveUntilInterrupted, OWNER_THREAD_NAME);
            owner.setDaemon(true);
            owner.start();
            String baseUrl = "http://127.0.0.1:" + port;
            LOG.infof("Fake WeCom API for tenant %s listening on %s (%s); it logs the alerts it receives",
                    DemoApp.TENANT, baseUrl, app);
            return baseUrl;
        }
    }

    /** Stops the fake this JVM runs, whichever class loader started it; a no-op when none runs. */
    public static void stop() {
        synchronized (JVM_WIDE_LOCK) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (OWNER_THREAD_NAME.equals(thread.getName())) {
                    thread.interrupt();
                    try {
                        thread.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static HttpServer bind(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            return HttpServer.create(new InetSocketAddress(loopback, port), 0);
        } catch (BindException e) {
            if (port == 0) {
                throw new IllegalStateException("no free loopback port for the fake WeCom API", e);
            }
            LOG.warnf("Port %d of the fake WeCom API was taken meanwhile; moving to a free one", port);
            return bind(0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake WeCom API: " + e, e);
        }
    }

    private void serveUntilInterrupted() {
        server.start();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // stop() asks by interrupting: fall through and let go of the port.
        } finally {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            switch (path) {
                case "/cgi-bin/gettoken" -> respond(exchange, 200, getToken(query(exchange)));
                case "/cgi-bin/message/send" -> respond(exchange, 200, sendMessage(exchange));
                default -> {
                    LOG.warnf("Fake WeCom API has no %s: it answers only gettoken and message/send", path);
                    respond(exchange, 404, answer(404, "the dev fake WeCom API does not implement " + path));
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Fake WeCom API failed on %s", path);
            respond(exchange, 500, answer(-1, "system error in the dev fake: " + e.getClass().getSimpleName()));
        }
    }

    private ObjectNode getToken(Map<String, String> query) {
        if (!app.grantsToken(query.get("corpid"), query.get("corpsecret"))) {
            return refused("gettoken", new WeComRefusal(WeComRefusal.INVALID_SECRET,
                    "invalid credential: corpid or corpsecret is not the demo app's"));
        }
        String token = "dev-" + UUID.randomUUID();
        issuedTokens.add(token);
        return answer(0, "ok").put("access_token", token).put("expires_in", TOKEN_SECONDS);
    }

    private ObjectNode sendMessage(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return refused("message/send", new WeComRefusal(WeComRefusal.REQUIRE_POST, "require POST method"));
        }
        String token = query(exchange).getOrDefault("access_token", "");
        if (token.isEmpty()) {
            return refused("message/send", new WeComRefusal(WeComRefusal.MISSING_ACCESS_TOKEN, "access_token missing"));
        }
        if (!issuedTokens.contains(token)) {
            return refused("message/send", new WeComRefusal(WeComRefusal.INVALID_ACCESS_TOKEN,
                    "invalid access_token (not issued by this run of the fake)"));
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (JsonProcessingException e) {
            body = null;
        }
        Optional<WeComRefusal> refusal = AppMessageCheck.check(body, app.agentId());
        if (refusal.isPresent()) {
            return refused("message/send", refusal.get());
        }
        String msgId = "dev-msg-" + acceptedMessages.incrementAndGet();
        LOG.infof("Fake WeCom API received alert %s msgid=%s", AppMessageCheck.describe(body), msgId);
        return answer(0, "ok").put("invaliduser", "").put("invalidparty", "").put("msgid", msgId);
    }

    private static ObjectNode refused(String call, WeComRefusal refusal) {
        LOG.warnf("Fake WeCom API refused %s: errcode %d, %s", call, refusal.errcode(), refusal.errmsg());
        return answer(refusal.errcode(), refusal.errmsg());
    }

    private static ObjectNode answer(int errcode, String errmsg) {
        return JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

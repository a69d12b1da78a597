package io.leadlistener.admin.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Firefox driven over WebDriver BiDi, the W3C protocol Firefox speaks natively (no geckodriver,
 * which neither Debian nor Maven Central ships): the JDK's WebSocket client and a handful of commands — new session,
 * navigate, evaluate a script.
 */
final class FirefoxBiDi implements AutoCloseable {

    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String context;

    private FirefoxBiDi(Process process, Path profile, String endpoint) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(endpoint + "/session"), new Listener()).get(20, TimeUnit.SECONDS);
        command("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
        this.context = command("browsingContext.getTree", JSON.createObjectNode())
                .path("contexts").path(0).path("context").asText();
    }

    static FirefoxBiDi start() throws Exception {
        Path profile = Files.createTempDirectory("ll-firefox");
        Process process = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--profile",
                profile.toString(), "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while ((line = output.readLine()) != null && System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "firefox-output");
                drain.setDaemon(true);
                drain.start();
                return new FirefoxBiDi(process, profile, listening.group(1));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Firefox did not announce its WebDriver BiDi endpoint");
    }

    void navigate(String url) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("context", context).put("url", url).put("wait", "complete");
        command("browsingContext.navigate", params);
    }

    /** Evaluates a JavaScript expression in the page (promises awaited); @return its value as JSON */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("awaitPromise", true);
        params.set("target", JSON.createObjectNode().put("context", context));
        JsonNode result = command("script.evaluate", params);
        if (!"success".equals(result.path("type").asText())) {
            throw new IllegalStateException("script failed: " + result);
        }
        return result.path("result").path("value");
    }

    /** Polls a JavaScript condition until it is true. */
    void waitUntil(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        BooleanSupplier holds = () -> {
            try {
                return evaluate("Boolean(" + condition + ")").asBoolean();
            } catch (Exception e) {
                return false; // the page may be navigating
            }
        };
        while (!holds.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + condition + "; page: "
                        + evaluate("document.body ? document.body.innerText.slice(0, 500) : ''"));
            }
            Thread.sleep(200);
        }
    }

    private JsonNode command(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        if ("error".equals(reply.path("type").asText())) {
            throw new IllegalStateException(method + " failed: " + reply);
        }
        return reply.path("result");
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // Firefox is stopped below either way
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}

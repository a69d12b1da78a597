package io.leadlistener.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the service itself says it still owes, read as an outside check reads it: {@code GET /q/health/well} on the
 * management port, data {@code inbox.pendingRows} and {@code outbox-relay.pendingEvents} (issue 24 pins both names).
 * "Drained" for the cost per callback means both are 0 — the service has nothing left to do for the load it took.
 */
final class WellnessBacklog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two figures; -1 where the check did not report one (it failed, or is missing). */
    record Pending(long inboxRows, long outboxEvents) {
        boolean none() {
            return inboxRows == 0 && outboxEvents == 0;
        }

        @Override
        public String toString() {
            return "inbox.pendingRows " + inboxRows + ", outbox-relay.pendingEvents " + outboxEvents;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpRequest request;

    WellnessBacklog(int managementPort) {
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/well"))
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** The backlog as the wellness checks report it (the endpoint answers 503 when a check is down; still read). */
    Pending read() {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long inbox = -1;
            long outbox = -1;
            for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
                JsonNode data = check.path("data");
                switch (check.path("name").asText()) {
                    case "inbox" -> inbox = data.path("pendingRows").asLong(-1);
                    case "outbox-relay" -> outbox = data.path("pendingEvents").asLong(-1);
                    default -> { }
                }
            }
            return new Pending(inbox, outbox);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Pending(-1, -1);
        }
    }

    /**
     * Polls until both figures are 0, at most {@code timeout}.
     *
     * @return whether they reached 0
     */
    boolean awaitEmpty(Duration timeout, Duration pollEvery) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (read().none()) {
                return true;
            }
            Thread.sleep(pollEvery.toMillis());
        }
        return false;
    }
}

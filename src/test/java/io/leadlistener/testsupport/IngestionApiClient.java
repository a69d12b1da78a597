package io.leadlistener.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts customer messages to a running application's ingestion API for the {@link AlertingTenant}. */
public final class IngestionApiClient {

    /** The channel of {@link #ingestExternal}: a pipeline of WeCom's archived chats (会话内容存档). */
    public static final String EXTERNAL_CHANNEL = "wecom-archive";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A message from {@code contactId}, owned by the salesperson {@code ownerUserId}; the HTTP status. */
    public int ingest(URI app, String contactId, String messageId, String ownerUserId, String text)
            throws IOException, InterruptedException {
        return post(app, message(contactId, messageId, ownerUserId, text));
    }

    /**
     * A message of the WeCom customer {@code externalUserId} (contact kind {@code external}: the lead is the
     * customer's, whatever the channel) as an archive pipeline forwards it, {@code followUser} being the salesperson
     * who added them; the HTTP status.
     */
    public int ingestExternal(URI app, String externalUserId, String messageId, String followUser, String text)
            throws IOException, InterruptedException {
        return post(app, message(externalUserId, messageId, followUser, text).put("channel", EXTERNAL_CHANNEL)
                .put("contactKind", "external"));
    }

    private static ObjectNode message(String contactId, String messageId, String ownerUserId, String text) {
        return JSON.createObjectNode()
                .put("tenant", AlertingTenant.TENANT)
                .put("contactId", contactId)
                .put("messageId", messageId)
                .put("ownerUserId", ownerUserId)
                .put("text", text);
    }

    private int post(URI app, ObjectNode message) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(app.resolve("/api/v1/messages"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + AlertingTenant.INGESTION_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

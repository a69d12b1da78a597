package io.leadlistener.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One of the service's message entry points on a local port — WeCom callbacks, or the ingestion API — and the
 * HTTP/1.1 client that posts to it: Vert.x's, on one event loop, whose completions (a histogram entry, a semaphore
 * release) run on that loop. The generator shares the two cores with the service it measures, so what it costs per
 * request is taken from the service: the JDK {@code HttpClient} used before cost ~0.8 ms of CPU per callback at 500/s,
 * more than the service's own HTTP handling.
 */
final class CallbackTarget implements AutoCloseable {

    private static final long REQUEST_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

    final String label;
    /** The status that means "durably taken": 200 for a WeCom callback, 202 for an ingested message. */
    final int acceptedStatus;
    private final Map<String, String> headers;
    private final Vertx vertx;
    private final HttpClient client;

    /** @param maxConnections connections kept to the target at most; further requests wait in the client's queue */
    private CallbackTarget(String label, int port, int maxConnections, int acceptedStatus,
                           Map<String, String> headers) {
        this.label = label;
        this.acceptedStatus = acceptedStatus;
        this.headers = headers;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost("127.0.0.1")
                        .setDefaultPort(port)
                        .setKeepAlive(true)
                        .setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(-1));
    }

    /** Signed WeCom callbacks ({@link CallbackFactory}), answered 200 once in the inbox. */
    static CallbackTarget wecomCallbacks(String label, int port, int maxConnections) {
        return new CallbackTarget(label, port, maxConnections, 200,
                Map.of("Content-Type", "text/xml; charset=utf-8"));
    }

    /** The ingestion API ({@link IngestedMessageFactory}), answered 202 once in the inbox. */
    static CallbackTarget ingestion(int port, int maxConnections, String ingestionToken) {
        return new CallbackTarget("service", port, maxConnections, 202,
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + ingestionToken));
    }

    /** Completes with the HTTP status once the whole response is read; fails on a connection error or timeout. */
    CompletableFuture<Integer> sendAsync(PreparedRequest prepared) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(prepared.uri())
                .setTimeout(REQUEST_TIMEOUT_MILLIS);
        headers.forEach(request::putHeader);
        return client.request(request)
                .compose(sending -> sending.send(Buffer.buffer(prepared.body())))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .toCompletionStage()
                .toCompletableFuture();
    }

    int send(PreparedRequest prepared) throws Exception {
        return sendAsync(prepared).get(REQUEST_TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

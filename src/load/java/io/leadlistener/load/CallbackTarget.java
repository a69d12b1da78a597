package io.leadlistener.load;

import io.leadlistener.load.CallbackFactory.PreparedCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A callback URL on a local port and the HTTP/1.1 client that posts to it. */
final class CallbackTarget implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    final String label;
    private final String url;
    private final ExecutorService executor;
    private final HttpClient client;

    CallbackTarget(String label, int port) {
        this.label = label;
        this.url = "http://127.0.0.1:" + port + "/wecom/callback/demo";
        // Response handling only; a small fixed pool keeps the generator's own CPU share predictable.
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "load-http-" + label);
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    private HttpRequest request(PreparedCallback callback) {
        return HttpRequest.newBuilder(URI.create(url + "?" + callback.query()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()))
                .build();
    }

    CompletableFuture<HttpResponse<Void>> sendAsync(PreparedCallback callback) {
        return client.sendAsync(request(callback), HttpResponse.BodyHandlers.discarding());
    }

    int send(PreparedCallback callback) throws Exception {
        return client.send(request(callback), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

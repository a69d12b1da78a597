package io.leadlistener.load;

import io.leadlistener.load.CallbackFactory.PreparedCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A callback URL on a local port and the HTTP/1.1 client that posts to it. */
final class CallbackTarget implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    final String label;
    private final String url;
    private final HttpClient client;

    CallbackTarget(String label, int port) {
        this.label = label;
        this.url = "http://127.0.0.1:" + port + "/wecom/callback/demo";
        // The client's own tasks and our completion handlers (a histogram entry, a semaphore release) run on its
        // selector thread: handing each response to a pool cost the generator more CPU than the request itself,
        // on the same two cores as the service it measures.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Runnable::run)
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
        // nothing to stop: the client's selector thread is a daemon and ends with its last connection
    }
}

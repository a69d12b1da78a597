package io.leadlistener.wecom.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Issue 20: WeCom's answers are bounded, and no failure's text can carry the secret in the URL. */
class WeComApiClientLimitsTest {

    private static final String SECRET = "verySecretValue0123456789";

    @Test
    void anAnswerLargerThanTheLimitIsRefusedWithoutReadingOn() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/gettoken", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse up front
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent <= WeComApiClient.MAX_ANSWER_BYTES; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (java.io.IOException closedByTheClient) {
                // expected once the client stops reading
            }
        });
        server.start();
        try {
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThatThrownBy(() -> new WeComApiClient(new ObjectMapper()).getToken(baseUrl, "wx1", SECRET))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("gettoken answered more than " + WeComApiClient.MAX_ANSWER_BYTES + " bytes")
                    .hasMessageNotContaining(SECRET);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableWeComIsReportedWithoutTheUrlThatCarriesTheSecret() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new WeComApiClient(new ObjectMapper())
                .getToken("http://127.0.0.1:" + closedPort, "wx1", SECRET))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("WeCom gettoken unreachable: ")
                .hasMessageNotContaining(SECRET)
                .satisfies(e -> assertThatThrownBy(() -> {
                    throw e.getCause();
                }).hasMessageNotContaining(SECRET));
    }
}

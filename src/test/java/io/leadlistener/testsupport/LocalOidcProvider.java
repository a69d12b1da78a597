package io.leadlistener.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * An OpenID Connect provider as a real HTTP server on a free loopback port, enough for the code flow: discovery, JWKS,
 * an authorization endpoint that signs in whoever the test chose (no login page), and a token endpoint that returns an
 * RS256 ID token with the claims the test set. Not Keycloak (no Docker here), but the same protocol on the wire.
 */
public final class LocalOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "lead-listener-console";
    public static final String CLIENT_SECRET = "lead-listener-console-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final Map<String, Map<String, Object>> claimsByCode = new ConcurrentHashMap<>();
    private volatile Map<String, Object> nextClaims = Map.of("sub", "nobody");

    public LocalOidcProvider() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-key");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JoseException | IOException e) {
            throw new IllegalStateException("could not start the local OIDC provider", e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext("/jwks", exchange -> json(exchange, 200,
                JSON.readValue(new JsonWebKeySet(key).toJson(), Map.class)));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Who the next sign-in is: the claims of the ID token it gets ({@code sub} at least). */
    public void signInNext(Map<String, Object> claims) {
        this.nextClaims = Map.copyOf(claims);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("issuer", issuer());
        discovery.put("authorization_endpoint", issuer() + "/authorize");
        discovery.put("token_endpoint", issuer() + "/token");
        discovery.put("jwks_uri", issuer() + "/jwks");
        discovery.put("response_types_supported", List.of("code"));
        discovery.put("subject_types_supported", List.of("public"));
        discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
        discovery.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return discovery;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = Long.toHexString(RANDOM.nextLong());
        Map<String, Object> claims = new HashMap<>(nextClaims);
        if (query.containsKey("nonce")) {
            claims.put("nonce", query.get("nonce"));
        }
        claimsByCode.put(code, claims);
        String location = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + code + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Object> claims = claimsByCode.remove(body.getOrDefault("code", ""));
        if (claims == null) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        try {
            JwtClaims idToken = new JwtClaims();
            idToken.setIssuer(issuer());
            idToken.setAudience(CLIENT_ID);
            idToken.setIssuedAtToNow();
            idToken.setExpirationTimeMinutesInTheFuture(5);
            claims.forEach(idToken::setClaim);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", sign(idToken));
            answer.put("token_type", "Bearer");
            answer.put("expires_in", 300);
            answer.put("id_token", sign(idToken));
            json(exchange, 200, answer);
        } catch (JoseException e) {
            json(exchange, 500, Map.of("error", e.toString()));
        }
    }

    private String sign(JwtClaims claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

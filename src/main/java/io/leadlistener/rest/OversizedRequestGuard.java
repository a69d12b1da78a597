package io.leadlistener.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared Content-Length is over the limit before its body is read, with the same
 * problem+json as every other refusal. (A chunked body over the transport limit is cut off by Quarkus itself with
 * a bare 413; one under it reaches the endpoint, which applies its own limit.)
 */
@ApplicationScoped
public class OversizedRequestGuard {

    private final List<PathBodyLimit> pathLimits;
    private final long transportLimit;
    private final ObjectMapper objectMapper;

    public OversizedRequestGuard(Instance<PathBodyLimit> pathLimits,
                                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize transportLimit,
                                 ObjectMapper objectMapper) {
        this.pathLimits = pathLimits.stream().toList();
        this.transportLimit = transportLimit.asLongValue();
        this.objectMapper = objectMapper;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = limitFor(context.request().path());
            long length = parse(declared);
            if (length > limit) {
                Problem problem = new Problem(Problem.type("body-too-large"), "Content too large", 413,
                        "request body is " + length + " bytes; the limit is " + limit, context.request().path(),
                        Map.of());
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(toJson(problem));
                return;
            }
            context.next();
        });
    }

    private long limitFor(String path) {
        for (PathBodyLimit pathLimit : pathLimits) {
            if (path.startsWith(pathLimit.pathPrefix())) {
                return pathLimit.maxBytes();
            }
        }
        return transportLimit;
    }

    private static long parse(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String toJson(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem document is not serializable", e);
        }
    }
}

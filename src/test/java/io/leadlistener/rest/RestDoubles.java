package io.leadlistener.rest;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Test doubles for the request-side interfaces {@link ProblemResponses} is handed: each answers only the one method
 * the mappers call and refuses every other, so a mapper starting to depend on more shows up as a failure.
 */
final class RestDoubles {

    private RestDoubles() {
    }

    /** A {@link UriInfo} that knows only its path. */
    static UriInfo uriInfo(String path) {
        return only(UriInfo.class, Map.of("getPath", path));
    }

    /** A {@link Request} that knows only its method. */
    static Request request(String method) {
        return only(Request.class, Map.of("getMethod", method));
    }

    /** A {@link RoutingContext} whose response has, or has not, already ended. */
    static RoutingContext routingContext(boolean responseEnded) {
        HttpServerResponse response = only(HttpServerResponse.class, Map.of("ended", responseEnded));
        return only(RoutingContext.class, Map.of("response", response));
    }

    private static <T> T only(Class<T> type, Map<String, Object> answers) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            int arity = args == null ? 0 : args.length;
            if (arity == 0 && answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            return switch (method.getName()) {
                case "toString" -> type.getSimpleName() + " double " + answers;
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == args[0];
                default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                        + " is not part of this double");
            };
        });
        return type.cast(proxy);
    }
}

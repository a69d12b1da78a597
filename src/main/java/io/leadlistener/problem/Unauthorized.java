package io.leadlistener.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The 401 every bearer-token filter answers: problem+json with the {@code WWW-Authenticate} challenge. */
public final class Unauthorized {

    private Unauthorized() {
    }

    public static Response response(ContainerRequestContext request, String detail) {
        Problem problem = new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail,
                request.getUriInfo().getPath(), Map.of());
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wecom-lead-listener\"")
                .entity(problem).build();
    }
}

package io.leadlistener.load.bare;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The load harness's baseline: the service's callback route with everything but the HTTP part taken out. Same
 * path, same {@code @Blocking} worker-thread dispatch and the same body reading as
 * {@code io.leadlistener.callback.WeComCallbackResource}, then an empty 200 — no signature, no decryption, no inbox.
 */
@Path("/wecom/callback/{tenant}")
public class BareCallbackResource {

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response receive(@RestPath String tenant, byte[] body) {
        return Response.ok().build();
    }
}

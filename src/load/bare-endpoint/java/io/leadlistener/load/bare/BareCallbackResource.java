package io.leadlistener.load.bare;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The load harness's baseline: the service's callback routes ({@code io.leadlistener.callback.WeComCallbackResource})
 * with the service's own work taken out. Same paths, same parameters, same {@code @Blocking} worker-thread dispatch
 * and the same body reading ({@code byte[]}), then an empty 200 — no signature, no decryption, no inbox, no log line,
 * no callback counters. Everything around it (filters, body limit, metrics, security, logging, tracing switch) is the
 * service's own code and configuration, see pom.xml.
 */
@Path("/wecom/callback/{tenant}")
public class BareCallbackResource {

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response receiveAppCallback(@RestPath String tenant, @RestQuery("msg_signature") String msgSignature,
                                       @RestQuery String timestamp, @RestQuery String nonce, byte[] body) {
        return Response.ok().build();
    }

    @POST
    @Blocking
    @Path("{callback}")
    @Consumes(MediaType.WILDCARD)
    public Response receiveNamedCallback(@RestPath String tenant, @RestPath String callback,
                                         @RestQuery("msg_signature") String msgSignature,
                                         @RestQuery String timestamp, @RestQuery String nonce, byte[] body) {
        return Response.ok().build();
    }
}

package io.leadlistener.callback;

import io.leadlistener.errors.DomainException;
import io.leadlistener.inbox.Inbox;
import io.leadlistener.inbox.InboxAdmission;
import io.leadlistener.inbox.NewInboxMessage;
import io.leadlistener.rest.ProblemException;
import io.leadlistener.wecom.crypto.CallbackRejectedException;
import io.leadlistener.wecom.crypto.RejectionReason;
import io.leadlistener.wecom.xml.CallbackEnvelope;
import io.leadlistener.wecom.xml.CallbackEnvelopeParser;
import io.leadlistener.wecom.xml.InboundMessage;
import io.leadlistener.wecom.xml.InboundMessageParser;
import io.leadlistener.wecom.xml.MalformedCallbackXmlException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The URL configured in the WeCom admin console as "接收消息服务器配置". {@code /wecom/callback/{tenant}} uses the
 * tenant's own Token/EncodingAESKey; {@code /wecom/callback/{tenant}/{callback}} a named callback's (客户联系, 微信客服 ...).
 *
 * @see <a href="https://developer.work.weixin.qq.com/document/path/90930">WeCom: 回调配置</a>
 */
@Tag(name = "WeCom callback", description = "The URL configured in the WeCom admin console")
@Path("/wecom/callback/{tenant}")
public class WeComCallbackResource {

    private static final Logger LOG = Logger.getLogger(WeComCallbackResource.class);

    private final CallbackVerifiers verifiers;
    private final CallbackConfig config;
    private final Inbox inbox;
    private final CallbackMetrics metrics;
    private final RecentlyParsedCallbacks recentlyParsed;

    public WeComCallbackResource(CallbackVerifiers verifiers, CallbackConfig config, Inbox inbox,
                                 CallbackMetrics metrics, RecentlyParsedCallbacks recentlyParsed) {
        this.recentlyParsed = recentlyParsed;
        this.verifiers = verifiers;
        this.metrics = metrics;
        this.config = config;
        this.inbox = inbox;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "URL verification of the app callback: answers the decrypted echostr")
    public String verifyAppCallbackUrl(@RestPath String tenant, @RestQuery("msg_signature") String msgSignature,
                                       @RestQuery String timestamp, @RestQuery String nonce,
                                       @RestQuery String echostr) {
        return verifyUrl(tenant, CallbackVerifiers.APP_CALLBACK, msgSignature, timestamp, nonce, echostr);
    }

    @GET
    @Path("{callback}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "URL verification of a named callback (客户联系, 微信客服 ...)")
    public String verifyNamedCallbackUrl(@RestPath String tenant, @RestPath String callback,
                                         @RestQuery("msg_signature") String msgSignature,
                                         @RestQuery String timestamp, @RestQuery String nonce,
                                         @RestQuery String echostr) {
        return verifyUrl(tenant, callback, msgSignature, timestamp, nonce, echostr);
    }

    private String verifyUrl(String tenant, String callback, String msgSignature, String timestamp, String nonce,
                             String echostr) {
        return countingRejections(tenant, callback, () -> verifiedEcho(tenant, callback, msgSignature, timestamp,
                nonce, echostr));
    }

    private String verifiedEcho(String tenant, String callback, String msgSignature, String timestamp, String nonce,
                                String echostr) {
        TenantCallback target = verifiers.resolve(tenant, callback);
        requireParameters("msg_signature", msgSignature, "timestamp", timestamp, "nonce", nonce, "echostr", echostr);
        // A '+' that a client forgot to percent-encode arrives as a space; Base64 never contains spaces.
        String encrypted = echostr.replace(' ', '+');
        String plaintext = verifyAndDecrypt(target, msgSignature, timestamp, nonce, encrypted);
        LOG.infof("URL verification succeeded for tenant=%s callback=%s", tenant, target.callbackLabel());
        return plaintext;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A message or event: verified, decrypted, stored in the inbox; 200 with an empty body")
    public Response receiveAppCallback(@RestPath String tenant, @RestQuery("msg_signature") String msgSignature,
                                       @RestQuery String timestamp, @RestQuery String nonce, byte[] body) {
        return receive(tenant, CallbackVerifiers.APP_CALLBACK, msgSignature, timestamp, nonce, body);
    }

    @POST
    @Blocking
    @Path("{callback}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A message or event on a named callback")
    public Response receiveNamedCallback(@RestPath String tenant, @RestPath String callback,
                                         @RestQuery("msg_signature") String msgSignature,
                                         @RestQuery String timestamp, @RestQuery String nonce, byte[] body) {
        return receive(tenant, callback, msgSignature, timestamp, nonce, body);
    }

    private Response receive(String tenant, String callback, String msgSignature, String timestamp, String nonce,
                             byte[] body) {
        return countingRejections(tenant, callback, () -> store(tenant, callback, msgSignature, timestamp, nonce,
                body));
    }

    /** Every refused callback, URL verification included, is logged at WARN and counted by reason. */
    private <T> T countingRejections(String tenant, String callback, java.util.function.Supplier<T> handling) {
        try {
            return handling.get();
        } catch (ProblemException e) {
            metrics.rejected(tenant, callback, e.slug());
            throw e;
        } catch (DomainException e) {
            metrics.rejected(tenant, callback, e.slug());
            throw e;
        }
    }

    private Response store(String tenant, String callback, String msgSignature, String timestamp, String nonce,
                           byte[] body) {
        TenantCallback target = verifiers.resolve(tenant, callback);
        requireParameters("msg_signature", msgSignature, "timestamp", timestamp, "nonce", nonce);
        if (body != null && body.length > config.maxBodySize()) {
            throw new ProblemException(413, "body-too-large", "Content too large",
                    "callback body is " + body.length + " bytes; the limit is " + config.maxBodySize());
        }
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("malformed-xml", "callback body is empty; expected the <xml> envelope");
        }
        CallbackEnvelope envelope = parseEnvelope(body);
        String plaintext = verifyAndDecrypt(target, msgSignature, timestamp, nonce, envelope.encrypt());
        InboundMessage message = parseInner(plaintext);
        NewInboxMessage row = InboxMessages.fromCallback(target, message, plaintext);
        // Before the row is stored: the worker may take it the moment it commits.
        recentlyParsed.remember(row.tenantId(), row.dedupeKey(), plaintext, message);
        InboxAdmission admission = inbox.store(row);
        metrics.stored(tenant, admission);
        LOG.infof("Callback %s tenant=%s callback=%s type=%s event=%s msgId=%s", admission.name().toLowerCase(),
                tenant, target.callbackLabel(), message.msgType(), message.event(), message.msgId());
        // WeCom treats any 200 with an empty body as "received"; a body would be taken as a passive reply.
        return Response.ok().build();
    }

    private static CallbackEnvelope parseEnvelope(byte[] body) {
        try {
            return CallbackEnvelopeParser.parse(body);
        } catch (MalformedCallbackXmlException e) {
            throw ProblemException.badRequest("malformed-xml", e.getMessage());
        }
    }

    private static String verifyAndDecrypt(TenantCallback target, String msgSignature, String timestamp, String nonce,
                                           String encrypted) {
        try {
            return target.verifyAndDecrypt(msgSignature, timestamp, nonce, encrypted);
        } catch (CallbackRejectedException rejection) {
            throw rejected(rejection);
        }
    }

    /** How each reason the crypto layer refuses a callback is told to the caller. */
    private static ProblemException rejected(CallbackRejectedException rejection) {
        String slug = slug(rejection.reason());
        return switch (rejection.reason()) {
            case SIGNATURE_MISMATCH, TIMESTAMP_OUTSIDE_WINDOW -> new ProblemException(401, slug, "Unauthorized",
                    rejection.detail());
            case RECEIVE_ID_MISMATCH -> new ProblemException(403, slug, "Forbidden", rejection.detail());
            default -> ProblemException.badRequest(slug, rejection.detail());
        };
    }

    /** The problem type (and metric reason) of a refusal by the crypto layer, as operators' alerts name it. */
    static String slug(RejectionReason reason) {
        return reason == RejectionReason.RECEIVE_ID_MISMATCH ? "receiveid-mismatch"
                : reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static InboundMessage parseInner(String plaintext) {
        try {
            return InboundMessageParser.parse(plaintext);
        } catch (MalformedCallbackXmlException e) {
            // The parser's message describes structure only, never the decrypted text.
            throw ProblemException.badRequest("malformed-message",
                    "decrypted message is not a valid WeCom message: " + e.getMessage());
        }
    }

    /** Reports every missing parameter at once, so a caller fixes them in one go. */
    private static void requireParameters(String... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null || value.isBlank()) {
                missing.add(namesAndValues[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("missing-query-parameter",
                    "missing or blank query parameter(s): " + String.join(", ", missing));
        }
    }
}

package io.leadlistener.tenant;

import io.leadlistener.wecom.crypto.AcceptedSecret;
import io.leadlistener.wecom.crypto.CallbackSecret;
import java.util.Map;
import java.util.Optional;

/**
 * A customer company (one WeCom corp) served by this deployment.
 *
 * @param id              our tenant id, the {@code {tenant}} path segment
 * @param corpId          the receiveid every decrypted callback must carry
 * @param appCallback     Token/EncodingAESKey of the app's own "接收消息" callback
 * @param namedCallbacks  further callbacks (客户联系, 微信客服 ...) by name
 * @param includeMessageText whether lead events carry the customer's message text
 * @param previousSecrets during a rotation, the previous secret of a callback ({@code ""} = the app's own) and until
 *                        when it is still accepted
 * @param apiBaseUrl      base URL of the WeCom server API ({@code https://qyapi.weixin.qq.com})
 * @param kfSecret        the 微信客服 Secret, when 微信客服 messages are to be pulled (never logged)
 * @param appSecret       the Secret of the tenant's self-built app, when the service acts in WeCom (never logged)
 * @param contactSecret   the 客户联系 Secret, for customer tags and profiles (never logged)
 * @param robotKeys       webhook keys of the tenant's group robots, by name (secrets, never logged)
 */
public record Tenant(String id, String corpId, Optional<String> agentId, CallbackSecret appCallback,
                     Map<String, CallbackSecret> namedCallbacks, boolean includeMessageText,
                     Map<String, AcceptedSecret> previousSecrets, String apiBaseUrl, Optional<String> kfSecret,
                     Optional<String> appSecret, Optional<String> contactSecret, Map<String, String> robotKeys) {

    public Tenant {
        namedCallbacks = Map.copyOf(namedCallbacks);
        previousSecrets = Map.copyOf(previousSecrets);
        robotKeys = Map.copyOf(robotKeys);
    }

    /** The webhook key of the named group robot, if the tenant configured one. */
    public Optional<String> robotKey(String name) {
        return Optional.ofNullable(robotKeys.get(name));
    }

    /** The secrets a callback accepts now: its current one first, then its previous one while a rotation lasts. */
    public java.util.List<AcceptedSecret> acceptedSecrets(String callbackName, CallbackSecret current) {
        AcceptedSecret previous = previousSecrets.get(callbackName);
        return previous == null ? java.util.List.of(AcceptedSecret.current(current))
                : java.util.List.of(AcceptedSecret.current(current), previous);
    }

    public Optional<CallbackSecret> callback(String name) {
        return Optional.ofNullable(namedCallbacks.get(name));
    }

    @Override
    public String toString() {
        // CallbackSecret masks itself; spelled out here so no future field sneaks a secret into logs.
        return "Tenant[id=" + id + ", corpId=" + corpId + ", agentId=" + agentId.orElse("-")
                + ", namedCallbacks=" + namedCallbacks.keySet() + ", apiBaseUrl=" + apiBaseUrl
                + ", kfSecret=" + masked(kfSecret) + ", appSecret=" + masked(appSecret)
                + ", contactSecret=" + masked(contactSecret) + ", robots=" + new java.util.TreeSet<>(robotKeys.keySet())
                + "]";
    }

    private static String masked(Optional<String> secret) {
        return secret.isPresent() ? "****" : "-";
    }
}

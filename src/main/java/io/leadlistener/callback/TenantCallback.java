package io.leadlistener.callback;

import io.leadlistener.tenant.Tenant;
import io.leadlistener.wecom.crypto.CallbackRejectedException;
import io.leadlistener.wecom.crypto.CallbackVerifier;

/** One callback URL of one tenant, with the verifier holding that URL's Token and EncodingAESKey. */
record TenantCallback(Tenant tenant, String callbackName, CallbackVerifier verifier) {

    /** How the callback is named in logs and in the inbox: the app callback has the empty name. */
    String callbackLabel() {
        return callbackName.isEmpty() ? "app" : callbackName;
    }

    /** @throws CallbackRejectedException when the signature, timestamp, AES payload or receiveid is wrong */
    String verifyAndDecrypt(String msgSignature, String timestamp, String nonce, String encrypted) {
        return verifier.verifyAndDecrypt(msgSignature, timestamp, nonce, encrypted);
    }
}

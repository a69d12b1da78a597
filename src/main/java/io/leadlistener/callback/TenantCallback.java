package io.leadlistener.callback;

import io.leadlistener.callback.crypto.CallbackRejectedException;
import io.leadlistener.callback.crypto.CallbackVerifier;
import io.leadlistener.tenant.Tenant;

/** One callback URL of one tenant, with the verifier holding that URL's Token and EncodingAESKey. */
record TenantCallback(Tenant tenant, String callbackName, CallbackVerifier verifier) {

    /** How the callback is named in logs and in the inbox: the app callback has the empty name. */
    String callbackLabel() {
        return callbackName.isEmpty() ? "app" : callbackName;
    }

    String verifyAndDecrypt(String msgSignature, String timestamp, String nonce, String encrypted) {
        try {
            return verifier.verifyAndDecrypt(msgSignature, timestamp, nonce, encrypted);
        } catch (CallbackRejectedException rejection) {
            throw CallbackRejections.toProblem(rejection);
        }
    }
}

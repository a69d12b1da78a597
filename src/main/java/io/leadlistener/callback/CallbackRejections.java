package io.leadlistener.callback;

import io.leadlistener.callback.crypto.CallbackRejectedException;
import io.leadlistener.problem.ProblemException;

/** How each reason the crypto layer refuses a callback is told to the caller. */
final class CallbackRejections {

    private CallbackRejections() {
    }

    static ProblemException toProblem(CallbackRejectedException rejection) {
        return switch (rejection.reason()) {
            case SIGNATURE_MISMATCH -> new ProblemException(401, "signature-mismatch", "Unauthorized",
                    rejection.detail());
            case TIMESTAMP_OUTSIDE_WINDOW -> new ProblemException(401, "timestamp-outside-window", "Unauthorized",
                    rejection.detail());
            case RECEIVE_ID_MISMATCH -> new ProblemException(403, "receiveid-mismatch", "Forbidden",
                    rejection.detail());
            default -> ProblemException.badRequest(slug(rejection.reason().name()), rejection.detail());
        };
    }

    private static String slug(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

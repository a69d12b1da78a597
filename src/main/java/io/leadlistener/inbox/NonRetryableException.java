package io.leadlistener.inbox;

/**
 * Thrown by an {@link InboxMessageHandler} when retrying cannot help (a configuration error such as a wrong secret):
 * the worker parks the row at once with this message as its error instead of spending its remaining attempts.
 */
public class NonRetryableException extends RuntimeException {

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.leadlistener.callback.api;

import io.leadlistener.callback.CallbackConfig;
import io.leadlistener.rest.PathBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;

/** WeCom callbacks are small: {@code leadlistener.callback.max-body-size} applies to them before the body is read. */
@ApplicationScoped
public class CallbackBodyLimit implements PathBodyLimit {

    private final long maxBytes;

    public CallbackBodyLimit(CallbackConfig config) {
        this.maxBytes = config.maxBodySize();
    }

    @Override
    public String pathPrefix() {
        return "/wecom/callback/";
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }
}

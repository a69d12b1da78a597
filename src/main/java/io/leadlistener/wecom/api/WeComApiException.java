package io.leadlistener.wecom.api;

/** A WeCom server API answer with a non-zero {@code errcode}. The message never holds a secret or a token. */
public class WeComApiException extends RuntimeException {

    /** System busy: try again later. */
    public static final int BUSY = -1;
    /** The corpsecret is wrong: a configuration error. */
    public static final int INVALID_SECRET = 40001;
    /** The access_token is not (or no longer) valid. */
    public static final int INVALID_ACCESS_TOKEN = 40014;
    /** The access_token has expired. */
    public static final int EXPIRED_ACCESS_TOKEN = 42001;

    private final int errcode;

    public WeComApiException(String call, int errcode, String errmsg) {
        super("WeCom " + call + " failed: errcode " + errcode + " (" + errmsg + ")");
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }

    public boolean isAccessTokenRejected() {
        return errcode == INVALID_ACCESS_TOKEN || errcode == EXPIRED_ACCESS_TOKEN;
    }
}

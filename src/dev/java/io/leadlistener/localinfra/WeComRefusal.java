package io.leadlistener.localinfra;

/**
 * How WeCom's server API says no: HTTP 200 with a non-zero {@code errcode} and an {@code errmsg}. The codes the dev
 * fake answers are WeCom's own (全局错误码, https://developer.work.weixin.qq.com/document/path/90313), so the
 * service handles them in dev mode exactly as it would in production.
 */
record WeComRefusal(int errcode, String errmsg) {

    static final int INVALID_SECRET = 40001;
    static final int INVALID_MSGTYPE = 40008;
    static final int INVALID_ACCESS_TOKEN = 40014;
    static final int INVALID_AGENTID = 40056;
    static final int MISSING_ACCESS_TOKEN = 41001;
    static final int MISSING_URL = 41010;
    static final int MISSING_AGENTID = 41011;
    static final int MISSING_DESCRIPTION = 41013;
    static final int MISSING_TITLE = 41016;
    static final int REQUIRE_POST = 43002;
    static final int EMPTY_CONTENT = 44004;
    static final int CONTENT_TOO_LONG = 45002;
    static final int DATA_FORMAT_ERROR = 47001;
    static final int NO_VALID_RECIPIENT = 81013;
}

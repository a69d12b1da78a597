package io.leadlistener.rest;

/**
 * A body-size limit below the transport's for the paths under one prefix, contributed as a bean by the capability
 * that owns those paths (the WeCom callback: a few KiB of XML at most), so {@link OversizedRequestGuard} refuses an
 * oversized request before its body is read without knowing whose paths they are.
 */
public interface PathBodyLimit {

    /** e.g. {@code /wecom/callback/} */
    String pathPrefix();

    long maxBytes();
}

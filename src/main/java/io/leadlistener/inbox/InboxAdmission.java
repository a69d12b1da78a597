package io.leadlistener.inbox;

/** What the inbox did with a message it was handed. */
public enum InboxAdmission {
    /** Stored for processing. */
    ACCEPTED,
    /** Already stored earlier (a WeCom retry or a replay): nothing new was stored. */
    DUPLICATE
}

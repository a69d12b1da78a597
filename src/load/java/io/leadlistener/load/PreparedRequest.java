package io.leadlistener.load;

/**
 * One request of a load phase, built before the phase starts so the sending thread only sends.
 *
 * @param key  what ties the request to what it must cause: the WeCom MsgId its Kafka record names, or the customer
 *             its WeCom alert names
 * @param uri  path and query on the target
 * @param body the request body
 */
record PreparedRequest(String key, String uri, byte[] body) {
}

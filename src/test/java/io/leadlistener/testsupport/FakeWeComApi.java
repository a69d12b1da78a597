package io.leadlistener.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server speaking the documented JSON of {@code /cgi-bin/gettoken}, {@code /cgi-bin/kf/sync_msg},
 * {@code /cgi-bin/message/send} (recorded, with scriptable errcodes, refused or held unanswered on demand) and the
 * customer-contact calls (corporate tags, profiles; marks and reads refused, marks held, tag lists paired on demand),
 * on an ephemeral port. Each 客服账号 has a message log; a cursor is the position after the last message handed out
 * ({@code "c<n>"}), pages are at most {@link #pageSize} long. Faults are scripted per 客服账号 and sync request.
 */
public final class FakeWeComApi implements AutoCloseable {

    public static final String CORP_ID = "wx5823bf96d3bd56c7";
    public static final String SECRET = "kfTestSecret";
    /** The self-built app's Secret the fake also accepts (app messages). */
    public static final String APP_SECRET = "appTestSecret0123456789";
    /** The webhook key of the group robot the fake knows; others answer 93000 (invalid webhook URL). */
    public static final String ROBOT_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    /** The 客户联系 Secret: only its tokens may call the externalcontact endpoints. */
    public static final String CONTACT_SECRET = "contactTestSecret012345";

    /** What the n-th sync request of a 客服账号 gets instead of (or before) its answer. */
    public enum Fault {
        /** errcode -1, system busy. */
        BUSY,
        /** The access token expires just before this request: errcode 42001. */
        EXPIRE_TOKEN,
        /** The page is served, then the server "loses" the connection: HTTP 502 for the next request. */
        BAD_GATEWAY,
        /** Another errcode WeCom may answer (95007, invalid msg token). */
        INVALID_MSG_TOKEN,
        /** An empty page that says {@code has_more} but hands back the cursor it was asked with. */
        STUCK_CURSOR
    }

    /**
     * An app message as the server received it.
     *
     * @param rawBody the request body as sent, to compare a resend byte for byte (WeCom's duplicate check does)
     */
    public record AppMessage(String accessToken, JsonNode body, String rawBody) {
    }

    /** A sync request as the server saw it. */
    public record SyncRequest(String openKfId, String cursor, String token, int limit, String accessToken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a held answer waits for {@link #acceptAppMessages()} at most, so that no handler hangs forever. */
    private static final long HOLD_LIMIT_SECONDS = 120;

    private final HttpServer server;
    /** A thread per request: an answer held back must not stall the token or other requests. */
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, List<ObjectNode>> logs = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> syncCounts = new ConcurrentHashMap<>();
    private final List<SyncRequest> syncRequests = new CopyOnWriteArrayList<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    /** The secret each token was issued for. */
    private final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();
    private final FakeCorpTags corpTags = new FakeCorpTags();
    private final Map<String, ObjectNode> externalContacts = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> kfCustomers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> profileReads = new ConcurrentHashMap<>();
    private final List<JsonNode> robotMessages = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile boolean secretRevoked;
    private volatile int pageSize = 2;
    private final List<AppMessage> appMessages = new CopyOnWriteArrayList<>();
    private final java.util.Queue<Integer> appMessageErrcodes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile String invalidUsers = "";
    private final List<AppMessage> acceptedAppMessages = new CopyOnWriteArrayList<>();
    /** Answered to every app message until {@link #acceptAppMessages()}; null when they are accepted. */
    private volatile Integer refusingWith;
    /** Open while app messages are held unanswered; null when they are answered at once. */
    private volatile CountDownLatch holdingAnswers;
    /** Answered to every customer call until {@link #acceptCustomerCalls()}; null when they are accepted. */
    private volatile Integer refusingCustomerCallsWith;
    /** Open while {@code mark_tag} calls are held unanswered; null when they are answered at once. */
    private volatile CountDownLatch holdingMarkAnswers;
    /** Counted down by tag-list reads while they are paired; null when each is answered at once. */
    private volatile CountDownLatch pairedTagLists;

    public FakeWeComApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/gettoken", this::getToken);
        server.createContext("/cgi-bin/kf/sync_msg", this::syncMsg);
        server.createContext("/cgi-bin/message/send", this::sendMessage);
        server.createContext("/cgi-bin/externalcontact/get_corp_tag_list",
                exchange -> contactCall(exchange, body -> pairedTagList()));
        server.createContext("/cgi-bin/externalcontact/add_corp_tag", exchange -> contactCall(exchange, corpTags::add));
        server.createContext("/cgi-bin/externalcontact/mark_tag", this::markTag);
        server.createContext("/cgi-bin/externalcontact/get", this::externalContact);
        server.createContext("/cgi-bin/webhook/send", this::robotMessage);
        server.createContext("/cgi-bin/kf/customer/batchget", this::kfCustomers);
        server.setExecutor(handlers);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    /** Appends a message from the customer (origin 3) or anybody else to the 客服账号's log. */
    public ObjectNode addMessage(String openKfId, String msgId, String externalUserId, int origin, String msgType,
                                 String text, long sendTime) {
        ObjectNode message = JSON.createObjectNode();
        message.put("msgid", msgId);
        message.put("open_kfid", openKfId);
        message.put("external_userid", externalUserId);
        message.put("send_time", sendTime);
        message.put("origin", origin);
        message.put("msgtype", msgType);
        if ("text".equals(msgType)) {
            message.putObject("text").put("content", text);
        } else {
            message.putObject(msgType).put("media_id", "media-" + msgId);
        }
        logs.computeIfAbsent(openKfId, k -> new CopyOnWriteArrayList<>()).add(message);
        return message;
    }

    /** {@code requestNumber} counts this 客服账号's sync requests from 1. */
    public void fault(String openKfId, int requestNumber, Fault fault) {
        faults.computeIfAbsent(openKfId, k -> new ConcurrentHashMap<>()).put(requestNumber, fault);
    }

    /** The next app messages are answered with these errcodes, one each, in order (then 0 again). */
    public void answerNextAppMessages(int... errcodes) {
        for (int errcode : errcodes) {
            appMessageErrcodes.add(errcode);
        }
    }

    /**
     * Every app message from now on is answered with {@code errcode} (WeCom busy: -1, rate limited: 45009 ...)
     * until {@link #acceptAppMessages()}.
     */
    public void refuseAppMessages(int errcode) {
        refusingWith = errcode;
    }

    /**
     * Every app message from now on is received (recorded) but not answered until {@link #acceptAppMessages()}: WeCom
     * has it, the sender does not know yet, as when it crashes before it can record WeCom's answer.
     */
    public void holdAppMessageAnswers() {
        holdingAnswers = new CountDownLatch(1);
    }

    /** Ends {@link #refuseAppMessages} and {@link #holdAppMessageAnswers}; held messages are answered now. */
    public void acceptAppMessages() {
        refusingWith = null;
        CountDownLatch held = holdingAnswers;
        holdingAnswers = null;
        if (held != null) {
            held.countDown();
        }
    }

    /**
     * The customer calls — {@code mark_tag} and {@code externalcontact/get} — answer {@code errcode} (rate limited:
     * 45009, busy: -1 ...) from now on, until {@link #acceptCustomerCalls()}; nothing is marked or read meanwhile.
     * Tag lists and tag creation go on.
     */
    public void refuseCustomerCalls(int errcode) {
        refusingCustomerCallsWith = errcode;
    }

    /**
     * Every {@code mark_tag} from now on is applied (recorded) but not answered until {@link #acceptCustomerCalls()}:
     * WeCom marked the customer, the caller does not know yet, as when it crashes before it can record the answer.
     */
    public void holdTagMarkAnswers() {
        holdingMarkAnswers = new CountDownLatch(1);
    }

    /** Ends {@link #refuseCustomerCalls} and {@link #holdTagMarkAnswers}; held marks are answered now. */
    public void acceptCustomerCalls() {
        refusingCustomerCallsWith = null;
        CountDownLatch held = holdingMarkAnswers;
        holdingMarkAnswers = null;
        if (held != null) {
            held.countDown();
        }
    }

    /**
     * The next two {@code get_corp_tag_list} reads are answered together, once both arrived: as when two replicas
     * resolve the same missing tag at the same moment, both see it missing and both go on to create it. Each
     * replica's action worker is one thread, so the two waiting reads come from two replicas.
     */
    public void pairTagListReads() {
        pairedTagLists = new CountDownLatch(2);
    }

    /** Recipients (joined by '|') that successful app messages report as {@code invaliduser}. */
    public void invalidUsers(String joined) {
        invalidUsers = joined;
    }

    /** Every app message received, answered with 0 or not. */
    public List<AppMessage> appMessages() {
        return List.copyOf(appMessages);
    }

    /**
     * The app messages answered with errcode 0 — those WeCom delivers — in the order they were accepted (a held
     * message counts once its answer is released, whether or not its sender is still there to read it).
     */
    public List<AppMessage> acceptedAppMessages() {
        return List.copyOf(acceptedAppMessages);
    }

    public void revokeSecret(boolean revoked) {
        secretRevoked = revoked;
    }

    public void expireAllTokens() {
        validTokens.clear();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public List<SyncRequest> syncRequests(String openKfId) {
        return syncRequests.stream().filter(r -> openKfId.equals(r.openKfId())).toList();
    }

    private void getToken(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        ObjectNode answer = JSON.createObjectNode();
        String secret = query.get("corpsecret");
        if (!CORP_ID.equals(query.get("corpid")) || !(SECRET.equals(secret) || APP_SECRET.equals(secret)
                || CONTACT_SECRET.equals(secret)) || secretRevoked) {
            answer.put("errcode", 40001).put("errmsg", "invalid credential");
        } else {
            String token = "at-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            tokenSecrets.put(token, secret);
            answer.put("errcode", 0).put("errmsg", "ok").put("access_token", token).put("expires_in", 7200);
        }
        respond(exchange, 200, answer);
    }

    /**
     * What {@code externalcontact/get} answers for the customer: {@code external_contact} and {@code follow_user} as
     * WeCom does. Unknown customers answer 84061 (no external-contact relation).
     */
    public void externalContact(String externalUserId, ObjectNode answer) {
        externalContacts.put(externalUserId, answer);
    }

    /** A 微信客服 customer as {@code kf/customer/batchget} lists it. */
    public void kfCustomer(String externalUserId, ObjectNode customer) {
        kfCustomers.put(externalUserId, customer.put("external_userid", externalUserId));
    }

    /** How many times the customer's profile was read (both APIs). */
    public int profileReads(String externalUserId) {
        return profileReads.getOrDefault(externalUserId, new AtomicInteger()).get();
    }

    private void externalContact(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String accessToken = query.get("access_token");
        String customer = query.get("external_userid");
        profileReads.computeIfAbsent(customer, id -> new AtomicInteger()).incrementAndGet();
        if (!validTokens.contains(accessToken)) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 42001).put("errmsg", "access_token expired"));
        } else if (!CONTACT_SECRET.equals(tokenSecrets.get(accessToken))) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 48002).put("errmsg", "api forbidden"));
        } else if (refusingCustomerCallsWith != null) {
            respond(exchange, 200, scripted(refusingCustomerCallsWith));
        } else if (!externalContacts.containsKey(customer)) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 84061).put("errmsg",
                    "not external contact"));
        } else {
            respond(exchange, 200, externalContacts.get(customer).deepCopy().put("errcode", 0).put("errmsg", "ok"));
        }
    }

    /** {@code mark_tag}: applied (recorded) when accepted, its answer held back on demand. */
    private void markTag(HttpExchange exchange) throws IOException {
        contactCall(exchange, body -> {
            Integer refusal = refusingCustomerCallsWith;
            if (refusal != null) {
                return scripted(refusal);
            }
            CountDownLatch held = holdingMarkAnswers;
            ObjectNode answer = corpTags.mark(body);
            awaitRelease(held);
            return answer;
        });
    }

    private ObjectNode pairedTagList() {
        CountDownLatch pairing = pairedTagLists;
        if (pairing != null) {
            pairing.countDown();
            awaitRelease(pairing);
        }
        return corpTags.list();
    }

    private static ObjectNode scripted(int errcode) {
        return JSON.createObjectNode().put("errcode", errcode).put("errmsg", "scripted");
    }

    private void kfCustomers(HttpExchange exchange) throws IOException {
        String accessToken = query(exchange).get("access_token");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!validTokens.contains(accessToken) || !SECRET.equals(tokenSecrets.get(accessToken))) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 40014).put("errmsg", "invalid access_token"));
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        ArrayNode found = answer.putArray("customer_list");
        ArrayNode invalid = answer.putArray("invalid_external_userid");
        for (JsonNode id : body.path("external_userid_list")) {
            profileReads.computeIfAbsent(id.asText(), key -> new AtomicInteger()).incrementAndGet();
            ObjectNode customer = kfCustomers.get(id.asText());
            if (customer == null) {
                invalid.add(id.asText());
            } else {
                found.add(customer);
            }
        }
        respond(exchange, 200, answer);
    }

    /** Messages the group robot {@link #ROBOT_KEY} received, as bodies. */
    public List<JsonNode> robotMessages() {
        return List.copyOf(robotMessages);
    }

    private void robotMessage(HttpExchange exchange) throws IOException {
        String key = query(exchange).get("key");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!ROBOT_KEY.equals(key)) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 93000).put("errmsg",
                    "invalid webhook url"));
            return;
        }
        if (!"markdown".equals(body.path("msgtype").asText()) || body.at("/markdown/content").asText().isBlank()) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 40008).put("errmsg", "invalid message type"));
            return;
        }
        robotMessages.add(body);
        respond(exchange, 200, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok"));
    }

    /** The corporate tags of the fake corp. */
    public FakeCorpTags corpTags() {
        return corpTags;
    }

    /** An externalcontact call: a token of the 客户联系 Secret (48002 for another app's token, as WeCom answers). */
    private void contactCall(HttpExchange exchange, java.util.function.Function<JsonNode, ObjectNode> handler)
            throws IOException {
        String accessToken = query(exchange).get("access_token");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!validTokens.contains(accessToken)) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 42001).put("errmsg", "access_token expired"));
        } else if (!CONTACT_SECRET.equals(tokenSecrets.get(accessToken))) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 48002).put("errmsg", "api forbidden"));
        } else {
            respond(exchange, 200, handler.apply(body));
        }
    }

    private void sendMessage(HttpExchange exchange) throws IOException {
        String accessToken = query(exchange).get("access_token");
        String rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        AppMessage received = new AppMessage(accessToken, JSON.readTree(rawBody), rawBody);
        appMessages.add(received);
        if (!validTokens.contains(accessToken)) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 40014).put("errmsg", "invalid access_token"));
            return;
        }
        Integer refusal = refusingWith;
        Integer scripted = refusal != null ? refusal : appMessageErrcodes.poll();
        if (scripted != null && scripted != 0) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", scripted).put("errmsg", "scripted"));
            return;
        }
        awaitRelease(holdingAnswers);
        acceptedAppMessages.add(received);
        respond(exchange, 200, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                .put("invaliduser", invalidUsers).put("invalidparty", "").put("msgid", "msg-" + appMessages.size()));
    }

    private void syncMsg(HttpExchange exchange) throws IOException {
        String accessToken = query(exchange).get("access_token");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String openKfId = body.path("open_kfid").asText();
        String cursor = body.has("cursor") ? body.path("cursor").asText() : null;
        syncRequests.add(new SyncRequest(openKfId, cursor, body.path("token").asText(null),
                body.path("limit").asInt(), accessToken));
        int number = syncCounts.computeIfAbsent(openKfId, k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.getOrDefault(openKfId, Map.of()).get(number);
        if (fault == Fault.EXPIRE_TOKEN) {
            validTokens.clear();
        }
        if (fault == Fault.BAD_GATEWAY) {
            respond(exchange, 502, JSON.createObjectNode());
            return;
        }
        if (fault == Fault.BUSY) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", -1).put("errmsg", "system busy"));
            return;
        }
        if (fault == Fault.STUCK_CURSOR) {
            ObjectNode stuck = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                    .put("next_cursor", cursor == null ? "" : cursor).put("has_more", 1);
            stuck.putArray("msg_list");
            respond(exchange, 200, stuck);
            return;
        }
        if (fault == Fault.INVALID_MSG_TOKEN) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 95007).put("errmsg", "invalid msg token"));
            return;
        }
        if (!validTokens.contains(accessToken)) {
            respond(exchange, 200, JSON.createObjectNode().put("errcode", 42001).put("errmsg", "access_token expired"));
            return;
        }
        List<ObjectNode> log = logs.getOrDefault(openKfId, List.of());
        int from = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(cursor.substring(1));
        int to = Math.min(log.size(), from + Math.min(pageSize, body.path("limit").asInt(1000)));
        ObjectNode answer = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                .put("next_cursor", "c" + to).put("has_more", to < log.size() ? 1 : 0);
        ArrayNode list = answer.putArray("msg_list");
        new ArrayList<>(log.subList(from, to)).forEach(list::add);
        respond(exchange, 200, answer);
    }

    private static void awaitRelease(CountDownLatch held) {
        if (held == null) {
            return;
        }
        try {
            held.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        acceptAppMessages();
        acceptCustomerCalls();
        CountDownLatch pairing = pairedTagLists;
        while (pairing != null && pairing.getCount() > 0) {
            pairing.countDown();
        }
        server.stop(0);
        handlers.shutdownNow();
    }
}

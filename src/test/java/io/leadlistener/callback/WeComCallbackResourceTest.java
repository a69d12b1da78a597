package io.leadlistener.callback;

import static io.leadlistener.testsupport.WeComSimulator.DEMO_CORP_ID;
import static io.leadlistener.testsupport.WeComSimulator.DEMO_SECRET;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.CallbackSignature;
import io.leadlistener.wecom.crypto.EncodingAesKey;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class WeComCallbackResourceTest {

    private static final String PATH = "/wecom/callback/demo";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/wecom/callback/demo")
    URI callbackUri;

    private InboxRows inbox;

    @BeforeEach
    void setUp() {
        inbox = new InboxRows(dataSource);
    }

    // ---- URL verification --------------------------------------------------------------------------------------

    @Test
    void answersUrlVerificationWithTheBarePlaintext() {
        SignedCallback signed = WeComSimulator.sign("1616140317555161061");

        String body = given().queryParams(signed.queryParameters()).queryParam("echostr", signed.encrypt())
                .when().get(PATH)
                .then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();

        assertThat(body).isEqualTo("1616140317555161061");
    }

    @Test
    void refusesTheOfficialVectorBecauseItsTimestampIsLongPast() {
        given().queryParam("msg_signature", "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3")
                .queryParam("timestamp", "1409659589").queryParam("nonce", "263014780")
                .queryParam("echostr",
                        "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==")
                .when().get(PATH)
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", containsString("timestamp-outside-window"))
                .body(not(containsString("1616140317555161061")));
    }

    @Test
    void acceptsAnUnencodedPlusInEchostr() {
        SignedCallback signed = signedEchostrContainingPlus();
        // Sent raw: '+' is decoded to a space by the query parser and must be restored.
        String url = PATH + "?msg_signature=" + signed.msgSignature() + "&timestamp=" + signed.timestamp()
                + "&nonce=" + signed.nonce() + "&echostr=" + signed.encrypt();

        given().urlEncodingEnabled(false).when().get(url).then().statusCode(200).body(equalTo("echo-with-plus"));
    }

    @Test
    void verifiesANamedCallbackWithItsOwnSecret() {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, DEMO_CORP_ID, "4242",
                Instant.now().getEpochSecond());

        given().queryParams(signed.queryParameters()).queryParam("echostr", signed.encrypt())
                .when().get(PATH + "/contacts")
                .then().statusCode(200).body(equalTo("4242"));
        given().queryParams(signed.queryParameters()).queryParam("echostr", signed.encrypt())
                .when().get(PATH)
                .then().statusCode(401).body("type", containsString("signature-mismatch"));
    }

    // ---- Messages --------------------------------------------------------------------------------------------

    @Test
    void storesATextMessageOnceAndAnswersRetriesWith200() {
        String msgId = WeComSimulator.nextMsgId();
        String xml = WeComSimulator.textMessage("zhangsan", "能给个报价吗？", msgId);

        for (int delivery = 0; delivery < 4; delivery++) {
            // WeCom's retries are fresh requests: new timestamp, nonce and ciphertext, same message.
            post(WeComSimulator.sign(xml)).statusCode(200).body(emptyString());
        }

        List<Map<String, Object>> rows = inbox.rows("msg_id = ?", msgId);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("tenant_id")).isEqualTo("demo");
        assertThat(row.get("callback_name")).isEqualTo("");
        assertThat(row.get("msg_type")).isEqualTo("text");
        assertThat(row.get("from_user")).isEqualTo("zhangsan");
        assertThat(row.get("contact_key")).isEqualTo("user:zhangsan");
        assertThat(row.get("content_length")).isEqualTo(7);
        assertThat((String) row.get("payload")).contains("能给个报价吗？");
    }

    @Test
    void storesAnExternalContactEventOnANamedCallbackDedupedByItsFields() {
        long createTime = Instant.now().getEpochSecond();
        String externalUserId = "wmEAAA" + WeComSimulator.nextMsgId();
        String xml = WeComSimulator.addExternalContactEvent("zhangsan", externalUserId, "expo2026", createTime);

        for (int delivery = 0; delivery < 2; delivery++) {
            SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, DEMO_CORP_ID, xml,
                    Instant.now().getEpochSecond());
            given().queryParams(signed.queryParameters()).body(signed.envelopeXml())
                    .when().post(PATH + "/contacts")
                    .then().statusCode(200).body(emptyString());
        }

        List<Map<String, Object>> rows = inbox.rows("contact_key = ?", "external:" + externalUserId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("callback_name")).isEqualTo("contacts");
        assertThat(rows.get(0).get("event")).isEqualTo("change_external_contact");
        assertThat(rows.get(0).get("change_type")).isEqualTo("add_external_contact");
    }

    // ---- Bad input: status, problem body, nothing stored ---------------------------------------------------------

    @Test
    void rejectsMissingAndBlankQueryParameters() {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId()));
        assertNothingStored(() -> {
            given().queryParam("timestamp", signed.timestamp()).queryParam("nonce", " ").body(signed.envelopeXml())
                    .when().post(PATH)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("status", equalTo(400))
                    .body("detail", equalTo("missing or blank query parameter(s): msg_signature, nonce"));
            given().queryParam("msg_signature", "abc").when().get(PATH)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("detail", equalTo("missing or blank query parameter(s): timestamp, nonce, echostr"));
        });
    }

    @Test
    void rejectsASignatureMadeWithAnotherToken() {
        String xml = WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId());
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, DEMO_CORP_ID, xml,
                Instant.now().getEpochSecond());
        assertNothingStored(() -> post(signed).statusCode(401).contentType(PROBLEM_JSON)
                .body("type", containsString("signature-mismatch")));
    }

    @Test
    void rejectsATamperedSignature() {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId()));
        String flipped = (signed.msgSignature().charAt(0) == 'a' ? "b" : "a") + signed.msgSignature().substring(1);
        assertNothingStored(() -> given().queryParam("msg_signature", flipped)
                .queryParam("timestamp", signed.timestamp()).queryParam("nonce", signed.nonce())
                .body(signed.envelopeXml()).when().post(PATH)
                .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401)));
    }

    @Test
    void rejectsATimestampOutsideTheReplayWindow() {
        String xml = WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId());
        SignedCallback stale = WeComSimulator.sign(DEMO_SECRET, DEMO_CORP_ID, xml, Instant.now().getEpochSecond() - 301);
        SignedCallback future = WeComSimulator.sign(DEMO_SECRET, DEMO_CORP_ID, xml, Instant.now().getEpochSecond() + 400);
        assertNothingStored(() -> {
            post(stale).statusCode(401).body("type", containsString("timestamp-outside-window"));
            post(future).statusCode(401).body("type", containsString("timestamp-outside-window"));
        });
    }

    @Test
    void rejectsANonNumericTimestamp() {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId()));
        assertNothingStored(() -> given().queryParam("msg_signature", signed.msgSignature())
                .queryParam("timestamp", "yesterday").queryParam("nonce", signed.nonce())
                .body(signed.envelopeXml()).when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("timestamp")));
    }

    @Test
    void rejectsAMessageEncryptedForAnotherCorpWithoutEchoingIt() {
        String xml = WeComSimulator.textMessage("u", "机密报价内容", WeComSimulator.nextMsgId());
        SignedCallback foreign = WeComSimulator.sign(DEMO_SECRET, "wwOTHERCORP000000", xml,
                Instant.now().getEpochSecond());
        assertNothingStored(() -> post(foreign).statusCode(403).contentType(PROBLEM_JSON)
                .body("type", containsString("receiveid-mismatch"))
                .body(not(containsString("机密报价内容")))
                .body(not(containsString("wwOTHERCORP000000"))));
    }

    @Test
    void rejectsUnknownTenantsAndCallbacks() {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId()));
        assertNothingStored(() -> {
            given().queryParams(signed.queryParameters()).body(signed.envelopeXml())
                    .when().post("/wecom/callback/nosuchtenant")
                    .then().statusCode(404).contentType(PROBLEM_JSON)
                    .body("detail", equalTo("no tenant 'nosuchtenant' is configured"));
            given().queryParams(signed.queryParameters()).body(signed.envelopeXml())
                    .when().post(PATH + "/nosuchcallback")
                    .then().statusCode(404).contentType(PROBLEM_JSON)
                    .body("detail", equalTo("tenant 'demo' has no callback named 'nosuchcallback'"));
        });
    }

    @Test
    void rejectsABodyOver64KiB() {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId()));
        String padded = signed.envelopeXml().replace("</xml>", "<Pad>" + "x".repeat(70_000) + "</Pad></xml>");
        assertNothingStored(() -> post(signed, padded).statusCode(413).contentType(PROBLEM_JSON)
                .body("detail", containsString("the limit is 65536")));
    }

    @Test
    void rejectsAChunkedBodyOver64KiBThatDeclaresNoLength() throws Exception {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId()));
        byte[] padded = signed.envelopeXml().replace("</xml>", "<Pad>" + "x".repeat(70_000) + "</Pad></xml>")
                .getBytes(StandardCharsets.UTF_8);
        String query = signed.queryParameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUri + "?" + query))
                // A stream of unknown length is sent chunked, so only the endpoint's own limit can catch it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded)))
                .build();

        assertNothingStored(() -> {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("content-type")).hasValue(PROBLEM_JSON);
            assertThat(response.body()).contains("callback body is " + padded.length + " bytes; the limit is 65536");
        });
    }

    @Test
    void rejectsBodiesThatAreNotTheXmlEnvelope() {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage("u", "x", WeComSimulator.nextMsgId()));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>&x;</Encrypt></xml>";
        assertNothingStored(() -> {
            post(signed, "{\"not\": \"xml\"}").statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", containsString("malformed-xml"));
            post(signed, xxe).statusCode(400).contentType(PROBLEM_JSON)
                    .body("detail", containsString("DOCTYPE")).body(not(containsString("root:")));
            post(signed, "<xml><ToUserName>x</ToUserName></xml>").statusCode(400)
                    .body("detail", containsString("Encrypt"));
            post(signed, "").statusCode(400).body("type", containsString("malformed-xml"));
            // Issue 20: the envelope is flat; a body nested thousands deep is refused at its first nested element.
            post(signed, "<xml>" + "<a>".repeat(20_000)).statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", containsString("malformed-xml"))
                    .body("detail", containsString("body must be flat: <a> is nested inside <a>"));
        });
    }

    @Test
    void rejectsCiphertextsThatDoNotDecrypt() {
        byte[] key = EncodingAesKey.parse("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C").aesKey();
        String notBase64 = "this is not base64!";
        byte[] wrongPad = new byte[64];
        wrongPad[63] = 33; // pad byte beyond the 32-byte block
        ByteBuffer lengthBeyond = ByteBuffer.allocate(64);
        lengthBeyond.position(16);
        lengthBeyond.putInt(1_000);
        lengthBeyond.put(63, (byte) 4);
        lengthBeyond.put(62, (byte) 4);
        lengthBeyond.put(61, (byte) 4);
        lengthBeyond.put(60, (byte) 4);

        assertNothingStored(() -> {
            postSignedEncrypt(notBase64).statusCode(400).contentType(PROBLEM_JSON);
            postSignedEncrypt(Base64.getEncoder().encodeToString(new byte[10])).statusCode(400);
            postSignedEncrypt(rawEncrypt(key, wrongPad)).statusCode(400).contentType(PROBLEM_JSON)
                    .body("detail", containsString("pad byte"));
            postSignedEncrypt(rawEncrypt(key, lengthBeyond.array())).statusCode(400).contentType(PROBLEM_JSON)
                    .body("detail", containsString("msg_len 1000 is outside"));
        });
    }

    @Test
    void rejectsADecryptedMessageThatIsNotAWeComMessage() {
        assertNothingStored(() -> post(WeComSimulator.sign("this is not xml")).statusCode(400)
                .contentType(PROBLEM_JSON).body("type", containsString("malformed-message"))
                .body(not(containsString("this is not xml"))));
    }

    @Test
    void answersOtherMethodsWith405() {
        assertNothingStored(() -> {
            given().body("<xml/>").when().put(PATH).then().statusCode(405).contentType(PROBLEM_JSON)
                    .body("status", equalTo(405));
            given().when().delete(PATH + "/contacts").then().statusCode(405).contentType(PROBLEM_JSON)
                    .body("detail", equalTo("HTTP method DELETE is not supported by this resource"));
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private ValidatableResponse post(SignedCallback signed) {
        return post(signed, signed.envelopeXml("1000002"));
    }

    private ValidatableResponse post(SignedCallback signed, String body) {
        RequestSpecification request = given().queryParams(signed.queryParameters()).contentType("text/xml");
        return request.body(body.getBytes(StandardCharsets.UTF_8)).when().post(PATH).then();
    }

    /** Signs an arbitrary Encrypt value correctly, so the failure comes from decryption, not the signature. */
    private ValidatableResponse postSignedEncrypt(String encrypt) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = "12345";
        String signature = CallbackSignature.compute(DEMO_SECRET.token(), timestamp, nonce, encrypt);
        return given().queryParam("msg_signature", signature).queryParam("timestamp", timestamp)
                .queryParam("nonce", nonce)
                .body("<xml><ToUserName><![CDATA[" + DEMO_CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
                        + "]]></Encrypt></xml>")
                .when().post(PATH).then();
    }

    private static String rawEncrypt(byte[] key, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(java.util.Arrays.copyOfRange(key, 0, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignedCallback signedEchostrContainingPlus() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            SignedCallback signed = WeComSimulator.sign("echo-with-plus");
            if (signed.encrypt().contains("+")) {
                return signed;
            }
        }
        throw new IllegalStateException("no ciphertext with '+' in 1000 tries");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNothingStored(Runnable requests) {
        long before = inbox.count();
        requests.run();
        assertThat(inbox.count()).as("inbox rows after rejected requests").isEqualTo(before);
    }
}

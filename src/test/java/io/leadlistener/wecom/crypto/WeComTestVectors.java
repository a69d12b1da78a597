package io.leadlistener.wecom.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The test vectors of {@code shared/design/wecom-protocol.md}: V1 is the official example, V2 was generated
 * by an independent implementation with the same Token, key and CorpID and random16 = ASCII
 * {@code 0123456789abcdef}.
 */
public final class WeComTestVectors {

    public static final String TOKEN = "QDG6eK";
    public static final String ENCODING_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public static final String CORP_ID = "wx5823bf96d3bd56c7";
    public static final String FOREIGN_CORP_ID = "wwOTHERCORP000000";
    public static final byte[] RANDOM16 = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    public static final String V1_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public static final String V1_TIMESTAMP = "1409659589";
    public static final String V1_NONCE = "263014780";
    public static final String V1_ECHOSTR =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public static final String V1_PLAINTEXT = "1616140317555161061";

    public static final String TEXT_TIMESTAMP = "1700000000";
    public static final String TEXT_NONCE = "1234567890";
    public static final String TEXT_SIGNATURE = "eb76687c6e957854b7c9393e2eddb85d89fede8a";
    public static final String TEXT_PLAINTEXT = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
            + "<FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1700000000</CreateTime>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[能给个报价吗？]]></Content>"
            + "<MsgId>7300000000000000001</MsgId><AgentID>1000002</AgentID></xml>";
    public static final String TEXT_ENCRYPT = "sKqRbbiSUnDhFHOvPjtUMQEOjg5gn8W+locDPMqVLDpIArxjTxrReIyu+f5pThYSsqXd"
            + "YgWda2KnU5ldfS760Ke2wOVT3xm2LppO8FyxAY+1NMdhWi8V6IIydwlLeRRBuNOQLfPxYEsJLKIB7CFTiGu1nLzNCrEh3IgB+EMbfWBY"
            + "KtZJ4xniBJnDxA1Q8nOAuGN13O6wE+bIvezYGP9AqlkuJAai5xpGVlkmBYF8GXOihzBFyl4RI4Z8C7oUf2M98T0IKIbXI2aVUEIgzSG1"
            + "ERKt/3axBiwms3nHvUf/qrgSg79FHEGWQta9gMR/3xwXLaB749/0SenNt/VKRWTXUScQ5MxxLP44gps5SuKm6t6S8b5c3QJu2eFwpuwU"
            + "ZQTTke9h9TVSes2Sru3m/OzNXKJgRLgKugrqzwMh0vQJAPCz4KRcUX+ybbi06tl6XwOr1eAj49hANDf9KkmrvJYUNw==";

    /** The text message encrypted for {@link #FOREIGN_CORP_ID}; same timestamp and nonce. */
    public static final String FOREIGN_SIGNATURE = "09a5f93ef09bf74716be2c79e4a6a288398f1d4e";
    public static final String FOREIGN_ENCRYPT = "sKqRbbiSUnDhFHOvPjtUMQEOjg5gn8W+locDPMqVLDpIArxjTxrReIyu+f5pThYS"
            + "sqXdYgWda2KnU5ldfS760Ke2wOVT3xm2LppO8FyxAY+1NMdhWi8V6IIydwlLeRRBuNOQLfPxYEsJLKIB7CFTiGu1nLzNCrEh3IgB+EMb"
            + "fWBYKtZJ4xniBJnDxA1Q8nOAuGN13O6wE+bIvezYGP9AqlkuJAai5xpGVlkmBYF8GXOihzBFyl4RI4Z8C7oUf2M98T0IKIbXI2aVUEIg"
            + "zSG1ERKt/3axBiwms3nHvUf/qrgSg79FHEGWQta9gMR/3xwXLaB749/0SenNt/VKRWTXUScQ5MxxLP44gps5SuKm6t6S8b5c3QJu2eFw"
            + "puwUZQTTke9h9TVSes2Sru3m/OzNXDaWXxT2kNXvJQg6WiPUG7R+3y6sMWc4Qt4SMWRt4d+cGHKl3lKi8xyPGaWqCoKByQ==";

    public static final String CONTACT_TIMESTAMP = "1700000100";
    public static final String CONTACT_NONCE = "2345678901";
    public static final String CONTACT_SIGNATURE = "d923a0e44112f32a256ef3972d1ccefb58c5e32e";
    public static final String CONTACT_PLAINTEXT = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
            + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000100</CreateTime>"
            + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
            + "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>"
            + "<ExternalUserID><![CDATA[wmEAAAexample0001]]></ExternalUserID><State><![CDATA[expo2026]]></State>"
            + "<WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>";
    public static final String CONTACT_ENCRYPT = "sKqRbbiSUnDhFHOvPjtUMe36y4K75xhoULah8BkmrXwyHBDy9HespAlZRUUABMNH"
            + "StJAtXX6cB23FMxOaIhU/CKfgrHihiawIl/fTyiQCHpvnftDMtbhZWl7IFc1dgFLNeFkuRHQ50Ywnfx1dpg+9bGF3PSoVBBpibwEo5S3"
            + "NF4n9zw71SBB2qrSywFdScR7oFgw3pKT8mRLSwe0aOjVY/kfucsXo+VIoMRhmXFZZGbrOXBYBCrmWUIrJYjkKLzemzFmIC9FZZXWYiVt"
            + "zvIdKk9JVsVGJGXacjcnFarmGnZP181nMrAzWqnXVrrN6Ze7PODlLernHoeT8fhL5Lg88WEJHPRXe8JIQj7ygU34/GORpZXPv/VR+2tA"
            + "kt6UnPdCOLV6xUa7P1ennpKTjYOPHBYU/hC6at8PIl3uNN2+r8sgso4DU3NUVzcQpH9ejjRv7xaEKTgG1JTDcgdtoijb7V8BQ8qUIaob"
            + "7XdoSgzYhTYflKW3pHBdVAD4wR47Dg46ReOnx6VkIgsH2LIRAvd3VWdHbbYewJ0c2hvuPghKH15Wso8OJ1qRexftx62ZNA4UgOVpcPnY"
            + "vBoHSRg3P2tH5ljz1X4vJQMtSMaw7/m8d3+q7o3zFGMXucEqcG28w+YvEybFCStHawhAjB+eYP5XiR6cAQ/ke0vIxWXW9z+75cw=";

    private WeComTestVectors() {
    }

    public static CallbackSecret secret() {
        return CallbackSecret.of(TOKEN, ENCODING_AES_KEY);
    }

    /** A clock standing at the given epoch second, as if the request had just arrived. */
    public static Clock clockAt(String epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epochSecond)), ZoneOffset.UTC);
    }
}

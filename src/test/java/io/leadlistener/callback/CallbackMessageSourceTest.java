package io.leadlistener.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.inbox.ChatContact;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxReading;
import io.leadlistener.inbox.InboxReading.ContactChangeKind;
import io.leadlistener.testsupport.WeComSimulator;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How a stored WeCom callback reads, without a database: the seam lead capture sees instead of WeCom's XML. */
class CallbackMessageSourceTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T08:00:00Z");
    private static final long CREATED = 1_796_544_000L;

    // KfPull is only called by a notification's work, which reading never runs: null proves it.
    private final CallbackMessageSource source = new CallbackMessageSource(null, new RecentlyParsedCallbacks());

    @Test
    void aTextMessageToTheAppIsAnEmployeesChatMessage() {
        InboxReading reading = read(WeComSimulator.textMessage("zhangsan", "报价单发我一下", "12345"));

        assertThat(reading).isInstanceOf(InboxReading.Message.class);
        InboxReading.Message message = (InboxReading.Message) reading;
        assertThat(message.message().contact())
                .isEqualTo(new ChatContact("internal", "zhangsan", "wecom-app", null, null));
        assertThat(message.message().messageId()).isEqualTo("12345");
        assertThat(message.message().text()).isEqualTo("报价单发我一下");
        assertThat(message.facts()).containsEntry("type", "text").containsEntry("from", "zhangsan")
                .containsEntry("contentLength", 7).doesNotContainValue("报价单发我一下");
        assertThat(source.textOf(WeComSimulator.textMessage("zhangsan", "报价单发我一下", "12345")))
                .isEqualTo("报价单发我一下");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "add_external_contact, ADDED",
            "add_half_external_contact, ADDED",
            "edit_external_contact, ADDED",
            "del_external_contact, REMOVED",
            "del_follow_user, REMOVED",
            "transfer_fail, OTHER"})
    void aContactChangeIsTheCustomersWithItsStateAndOwner(String changeType, ContactChangeKind expected) {
        InboxReading reading = read(WeComSimulator.contactEvent(changeType, "lisi", "wmCustomer1", "expo-2026",
                CREATED));

        assertThat(reading).isInstanceOf(InboxReading.ContactChange.class);
        InboxReading.ContactChange change = (InboxReading.ContactChange) reading;
        assertThat(change.change()).isEqualTo(expected);
        assertThat(change.contact())
                .isEqualTo(new ChatContact("external", "wmCustomer1", "wecom-contact", "expo-2026", "lisi"));
        assertThat(change.changedAt()).isEqualTo(Instant.ofEpochSecond(CREATED));
        assertThat(change.facts()).containsEntry("event", "change_external_contact")
                .containsEntry("changeType", changeType);
    }

    @Test
    void aContactChangeNamingNoCustomerHasNoContact() {
        InboxReading.ContactChange change = (InboxReading.ContactChange) read(
                WeComSimulator.contactEvent("add_external_contact", "lisi", " ", null, CREATED));

        assertThat(change.contact()).isNull();
    }

    @Test
    void aKfNotificationAsksForAPullAndCallsOut() {
        InboxReading reading = read(WeComSimulator.kfNotification("wkKf1", "token-1", CREATED));

        assertThat(reading).isInstanceOf(InboxReading.Notification.class);
        assertThat(reading.facts()).containsEntry("event", "kf_msg_or_event").doesNotContainKey("from");
        assertThat(source.callsOut("kf_msg_or_event")).isTrue();
        assertThat(source.callsOut("change_external_contact")).isFalse();
        assertThat(source.callsOut(null)).isFalse();
    }

    @Test
    void anImageIsUntaggable() {
        String image = "<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA[zhangsan]]>"
                + "</FromUserName><CreateTime>" + CREATED + "</CreateTime><MsgType><![CDATA[image]]></MsgType>"
                + "<PicUrl><![CDATA[https://example.com/a.png]]></PicUrl><MsgId>777</MsgId></xml>";

        InboxReading reading = read(image);

        assertThat(reading).isInstanceOf(InboxReading.Untaggable.class);
        assertThat(reading.facts()).containsEntry("type", "image");
        assertThat(source.textOf(image)).isNull();
    }

    private InboxReading read(String xml) {
        return source.read(new InboxItem(1, "demo", "", "wecom-callback", "contact", "text", "1", xml, 0, RECEIVED,
                "key", null));
    }
}

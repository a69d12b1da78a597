package io.leadlistener.kf;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.inbox.ChatContact;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KfMessageSourceTest {

    private final KfMessageSource source = new KfMessageSource();

    @Test
    void aPulledTextIsTheCustomersChatMessage() {
        String payload = """
                {"msgid":"m1","open_kfid":"wkKf1","external_userid":"wmC1","send_time":1796544000,"origin":3,
                 "msgtype":"text","text":{"content":"能寄几个样品吗"}}""";

        InboxReading.Message message = (InboxReading.Message) read(payload);

        assertThat(message.message().contact()).isEqualTo(new ChatContact("external", "wmC1", "wecom-kf", null, null));
        assertThat(message.message().messageId()).isEqualTo("m1");
        assertThat(message.message().text()).isEqualTo("能寄几个样品吗");
        assertThat(message.message().sentAt()).isEqualTo(Instant.ofEpochSecond(1_796_544_000L));
        assertThat(message.facts()).containsEntry("openKfId", "wkKf1").containsEntry("contentLength", 7);
        assertThat(source.textOf(payload)).isEqualTo("能寄几个样品吗");
        assertThat(source.callsOut(null)).isFalse();
    }

    @Test
    void aPulledImageIsUntaggable() {
        String payload = """
                {"msgid":"m2","open_kfid":"wkKf1","external_userid":"wmC1","send_time":1796544000,"origin":3,
                 "msgtype":"image","image":{"media_id":"x"}}""";

        assertThat(read(payload)).isInstanceOf(InboxReading.Untaggable.class);
        assertThat(read(payload).facts()).containsEntry("type", "image");
        assertThat(source.textOf(payload)).isNull();
    }

    private InboxReading read(String payload) {
        return source.read(new InboxItem(2, "demo", "", KfMessage.SOURCE, "external:wmC1", "text", "m1", payload, 0,
                Instant.EPOCH, "kf-msg|m1", null));
    }
}

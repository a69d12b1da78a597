package io.leadlistener.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageSourcesTest {

    private final MessageSources sources = new MessageSources(List.of(new Fixed("alpha", true), new Fixed("beta", false)));

    @Test
    void aRowIsReadByTheSourceItNames() {
        assertThat(sources.read(row("alpha")).facts()).containsEntry("source", "alpha");
        assertThat(sources.read(row("beta")).facts()).containsEntry("source", "beta");
        assertThat(sources.textOf("beta", "payload")).isEqualTo("beta:payload");
        assertThat(sources.callsOut("alpha", "poke")).isTrue();
        assertThat(sources.callsOut("beta", "poke")).isFalse();
    }

    @Test
    void aRowOfAnUnknownSourceFailsItsProcessingButIsNotTakenToCallOut() {
        assertThatThrownBy(() -> sources.read(row("gamma"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'gamma'");
        assertThat(sources.callsOut("gamma", "poke")).isFalse();
    }

    @Test
    void twoSourcesOfOneNameAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new MessageSources(List.of(new Fixed("alpha", true), new Fixed("alpha", false))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two message sources are named 'alpha'");
    }

    private static InboxItem row(String source) {
        return new InboxItem(1, "demo", "", source, "c", "text", "1", "payload", 0, Instant.EPOCH, "k", null);
    }

    private record Fixed(String name, boolean callsOutOnPoke) implements MessageSource {

        @Override
        public InboxReading read(InboxItem item) {
            return new InboxReading.Untaggable(Map.of("source", name));
        }

        @Override
        public String textOf(String payload) {
            return name + ":" + payload;
        }

        @Override
        public boolean callsOut(String event) {
            return callsOutOnPoke && "poke".equals(event);
        }
    }
}

package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadIdsTest {

    /** Pinned: computed once with Python's uuid/hashlib from the documented derivation, not with this code. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "demo | external | wmEAAAexample0001 | da6b5e89-5ece-5203-883d-e76fda0fcb36",
            "demo | external | wmEAAAexample0002 | e0b43204-1520-57c6-bf45-70bb16368c0b",
            "demo | internal | zhangsan          | 04f17de8-1b5e-500b-a1b5-ca2d966eb27d",
            "demo | api      | api:crm-42        | 844f4691-8ef6-509e-bfca-041c38d39bf6"})
    void leadIdsNeverChange(String tenant, String kind, String contactId, String pinned) {
        assertThat(LeadIds.leadId(tenant, kind, contactId)).isEqualTo(pinned);
    }

    @Test
    void namespaceIsTheDocumentedDerivation() {
        UUID derived = Generators.nameBasedGenerator(NameBasedGenerator.NAMESPACE_URL)
                .generate("https://schemas.wecom-lead-listener.io/events/");
        assertThat(NameBasedIds.NAMESPACE).isEqualTo(derived);
    }

    @Test
    void isAVersion5UuidInLowerCase() {
        String id = LeadIds.leadId("demo", LeadIds.EXTERNAL, "wmEAAAexample0001");
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(id).isEqualTo(uuid.toString()).isLowerCase();
    }

    @Test
    void sameContactIsOneLeadWhateverTheChannel() {
        // A WeCom contact event and a 微信客服 message of one customer carry the same external_userid.
        assertThat(LeadIds.leadId("demo", LeadIds.EXTERNAL, "wmEAAAexample0001"))
                .isEqualTo(LeadIds.leadId("demo", LeadIds.EXTERNAL, "wmEAAAexample0001"));
    }

    @Test
    void differsWhenAnyInputDiffers() {
        Set<String> ids = Set.of(
                LeadIds.leadId("demo", LeadIds.EXTERNAL, "wm1"),
                LeadIds.leadId("demo2", LeadIds.EXTERNAL, "wm1"),
                LeadIds.leadId("Demo", LeadIds.EXTERNAL, "wm1"),
                LeadIds.leadId("demo", LeadIds.INTERNAL, "wm1"),
                LeadIds.leadId("demo", LeadIds.EXTERNAL, "wm2"),
                LeadIds.leadId("demo", LeadIds.EXTERNAL, "WM1"),
                LeadIds.leadId("demo", LeadIds.EXTERNAL, "wm1 "),
                LeadIds.leadId("demo", LeadIds.API, "api:wm1"),
                LeadIds.leadId("demo", LeadIds.API, "shop:wm1"));
        assertThat(ids).hasSize(9);
    }

    @Test
    void partsCannotBleedIntoEachOther() {
        // Naive concatenation would give the same name for these pairs.
        assertThat(LeadIds.leadId("ab", LeadIds.EXTERNAL, "c"))
                .isNotEqualTo(LeadIds.leadId("a", LeadIds.EXTERNAL, "bc"));
        assertThat(LeadIds.leadId("a,1:b", LeadIds.EXTERNAL, "c"))
                .isNotEqualTo(LeadIds.leadId("a", LeadIds.EXTERNAL, "b,1:c"));
    }

    @Test
    void refusesWhatIsNotAContact() {
        assertThatThrownBy(() -> LeadIds.leadId("demo", "wechat", "wm1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contact kind");
        assertThatThrownBy(() -> LeadIds.leadId("demo", null, "wm1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeadIds.leadId("", LeadIds.EXTERNAL, "wm1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeadIds.leadId(null, LeadIds.EXTERNAL, "wm1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeadIds.leadId("demo", LeadIds.EXTERNAL, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"crm-42", ":crm-42", "api:"})
    void refusesAnApiContactIdWithoutItsChannel(String contactId) {
        assertThatThrownBy(() -> LeadIds.leadId("demo", LeadIds.API, contactId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{channel}:{contactId}");
    }
}

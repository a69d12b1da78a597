package io.leadlistener.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadlistener.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErasedContactTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "external:wmEAAA0001    | external:wmEAAA0001    | external | wmEAAA0001",
            "user:zhangsan          | user:zhangsan          | internal | zhangsan",
            "internal:zhangsan      | user:zhangsan          | internal | zhangsan",
            "api:archive:c-1001     | api:archive:c-1001     | api      | archive:c-1001",
            "api:archive:c:with:col | api:archive:c:with:col | api      | archive:c:with:col"})
    void readsTheContactAsEventsAndInboxRowsNameIt(String contactId, String contactKey, String kind, String id) {
        assertThat(ErasedContact.parse(contactId)).isEqualTo(new ErasedContact(contactKey, kind, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wmEAAA0001", "external:", "kf:wkAAAA", "api:archive", "api:archive:", "lead:x"})
    void refusesAnythingElseNamingTheAcceptedForms(String contactId) {
        assertThatThrownBy(() -> ErasedContact.parse(contactId)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("external:<external_userid>");
    }

    @Test
    void recognisesHowAlertsNameTheCustomer() {
        ErasedContact contact = ErasedContact.parse("external:wmEAAA0001");

        assertThat(contact.namedBy("wmEAAA0001")).isTrue();
        assertThat(contact.namedBy("李雷（wmEAAA0001）")).isTrue();
        assertThat(contact.namedBy("韩梅梅（wmEAAA0002）")).isFalse();
        assertThat(contact.namedBy("wmEAAA00011")).isFalse();
    }
}

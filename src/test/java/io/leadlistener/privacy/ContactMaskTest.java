package io.leadlistener.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "external:wmEAAAexample0001 | external:wm…#",
            "api:archive:c-1001         | api:archive:…#",
            "api:                       | api:…#",
            "wmEAAAexample0001          | …#"})
    void customersAreMaskedWithAStableHashOfTheWholeKey(String contactKey, String visiblePrefix) throws Exception {
        String masked = ContactMask.of(contactKey);

        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(contactKey.getBytes(StandardCharsets.UTF_8))).substring(0, 10);
        assertThat(masked).isEqualTo(visiblePrefix + hash);
        assertThat(ContactMask.of(contactKey)).as("the same contact, the same mask").isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"external:wmEAAAexample0001", "api:archive:c-1001", "external:wm李雷"})
    void theMaskNeverContainsTheIdItself(String contactKey) {
        String id = contactKey.substring(contactKey.lastIndexOf(':') + 1);

        assertThat(ContactMask.of(contactKey)).doesNotContain(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user:zhangsan", "internal:lisi", "kf:wkAAAA0001"})
    void employeesAndCustomerServiceAccountsStayReadable(String contactKey) {
        assertThat(ContactMask.of(contactKey)).isEqualTo(contactKey);
    }

    @org.junit.jupiter.api.Test
    void twoCustomersGetDifferentMasks() {
        assertThat(ContactMask.of("external:wmAAAA")).isNotEqualTo(ContactMask.of("external:wmAAAB"));
        assertThat(ContactMask.of(null)).isEqualTo("-");
    }
}

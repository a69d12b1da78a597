package io.leadlistener.wecom.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.wecom.api.WeComErrcodes.Handling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeComErrcodesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "40014, REFRESH_TOKEN", "42001, REFRESH_TOKEN",
            "-1, RETRY", "45009, RETRY", "45033, RETRY",
            "40001, PARK", "48002, PARK", "60011, PARK", "81013, PARK", "84061, PARK", "40068, PARK",
            "95007, RETRY_THEN_PARK", "12345, RETRY_THEN_PARK"})
    void everyErrcodeClassIsHandledAsTheProtocolNotesSay(int errcode, Handling expected) {
        assertThat(WeComErrcodes.of(errcode)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "60011|add them to the app's visible range",
            "81013|outside the app's visible range",
            "40001|app-secret",
            "48002|API permissions",
            "45009|retried with backoff",
            "42001|a new one is fetched",
            "95007|retried, then parked"})
    void theExplanationTellsAnOperatorWhatToDo(int errcode, String expected) {
        assertThat(WeComErrcodes.explain(errcode)).startsWith("errcode " + errcode + ": ").contains(expected);
    }
}

package io.leadlistener.lead.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadRouterTest {

    private final LeadRouter router = new LeadRouter(
            Map.of("agency", "channel-partners", "sample", "sample-desk", "quote", "sales"),
            List.of("agency", "sample", "quote"), "sales");

    @ParameterizedTest(name = "{0} -> {1} via {2}")
    @CsvSource({
            "quote, sales, quote",
            "sample, sample-desk, sample",
            "agency, channel-partners, agency",
            "quote sample, sample-desk, sample",
            "quote sample agency, channel-partners, agency",
            "oem, sales, oem",
            "oem quote, sales, quote",
            "zeta oem, sales, oem",
    })
    void theHighestPrecedenceIntentChoosesThePool(String intents, String pool, String decidingIntent) {
        LeadRouter.Route route = router.route(Arrays.asList(intents.split(" "))).orElseThrow();

        assertThat(route.pool()).isEqualTo(pool);
        assertThat(route.intent()).isEqualTo(decidingIntent);
    }

    @org.junit.jupiter.api.Test
    void noIntentNoRoute() {
        assertThat(router.route(List.of())).isEmpty();
    }
}

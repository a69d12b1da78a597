package io.leadlistener.actions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code leadlistener.actions.*}: the worker that carries out actions in WeCom. */
@ConfigMapping(prefix = "leadlistener.actions")
public interface ActionsConfig {

    Worker worker();

    /** The alert settings every tenant starts with (version 0); the admin API publishes a tenant's own. */
    Alerts alerts();

    /** A time of day, {@code HH:mm}. */
    String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

    interface Alerts {
        @WithDefault("true")
        boolean enabled();

        /** One alert per customer per this many minutes; further intents fold into the next one. 0: no folding. */
        @WithDefault("5")
        @Min(0)
        @Max(AlertSettings.MAX_FOLD_MINUTES)
        int foldMinutes();

        /** App messages one member gets per minute at most, under WeCom's ~30 (beyond it WeCom drops them). */
        @WithDefault("20")
        @Min(1)
        @Max(AlertSettings.MAX_PER_MEMBER_PER_MINUTE)
        int perMemberPerMinute();

        /** A short alert to the salesperson when an external contact is added (never counted against intents). */
        @WithDefault("false")
        boolean newContactAlerts();

        /** {@code auto} (textcard with a link when leadlistener.console.public-url is set, else markdown),
         *  {@code markdown} or {@code textcard}. */
        @WithDefault("auto")
        @Pattern(regexp = "auto|markdown|textcard", message = "must be auto, markdown or textcard")
        String format();

        /** Mark external contacts with a corporate tag per intent (tenants with a contact-secret). */
        @WithDefault("true")
        boolean customerTags();

        /** The corporate tag group the intent tags live in. */
        @WithDefault("线索意向")
        @Size(min = 1, max = AlertSettings.MAX_TAG_NAME)
        String tagGroup();

        /** Intent id → tag name, where it should differ from the intent's label (报价 / 样品需求 / 代理加盟). */
        Map<String, @Size(min = 1, max = AlertSettings.MAX_TAG_NAME) String> tagNames();

        /** Start of the quiet hours ({@code HH:mm}); with {@code quiet-to}. Off by default. */
        Optional<@Pattern(regexp = HH_MM, message = "must be a time like 22:00") String> quietFrom();

        /** End of the quiet hours ({@code HH:mm}): alerts in between go out then, as one digest per recipient. */
        Optional<@Pattern(regexp = HH_MM, message = "must be a time like 08:00") String> quietTo();

        /** The zone quiet hours are read in. */
        @WithDefault("Asia/Shanghai")
        String timeZone();
    }

    /** The {@code action-outbox} wellness check is DOWN when the oldest pending action is older than this. */
    @WithDefault("10m")
    Duration maxLag();

    interface Worker {
        /**
         * Threads per replica carrying out actions. Actions of one lead and type never run concurrently whatever this
         * is: the claim takes only each lead's oldest pending action of a type and skips rows another thread holds.
         */
        @WithDefault("2")
        @Min(1)
        @Max(16)
        int threads();

        /** Leads whose oldest pending action one round takes. */
        @WithDefault("20")
        @Min(1)
        @Max(500)
        int batchSize();

        /** How often an idle worker looks again (a commit on this replica wakes it at once). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** An errcode this service does not know is retried this many times, then parked. */
        @WithDefault("8")
        @Min(1)
        @Max(100)
        int maxAttempts();
    }
}

package io.leadlistener.callback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "leadlistener.callback")
public interface CallbackConfig {

    /** Callbacks whose timestamp is further than this from now are refused as possible replays (WeCom: 300 s). */
    @WithDefault("300s")
    Duration replayWindow();

    /** WeCom envelopes are a few hundred bytes; anything far larger is not WeCom. */
    @WithDefault("65536")
    @Min(1024)
    @Max(4 * 1024 * 1024)
    int maxBodySize();
}

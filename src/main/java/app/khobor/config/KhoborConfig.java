package app.khobor.config;

import java.util.List;

/** The whole validated configuration. Built by {@link ConfigLoader}. */
public record KhoborConfig(
        TelegramSettings telegram,
        StorageSettings storage,
        PollingSettings polling,
        DeliverySettings delivery,
        List<SourceConfig> sources,
        OpsSettings ops) {

    /** Without an ops section: no endpoint, default alerts. */
    public KhoborConfig(TelegramSettings telegram, StorageSettings storage, PollingSettings polling,
                        DeliverySettings delivery, List<SourceConfig> sources) {
        this(telegram, storage, polling, delivery, sources, OpsSettings.DEFAULTS);
    }

    public List<SourceConfig> enabledSources() {
        return sources.stream().filter(SourceConfig::enabled).toList();
    }
}

package app.khobor.config;

import java.util.List;

/** The whole validated configuration. Built by {@link ConfigLoader}. */
public record KhoborConfig(
        TelegramSettings telegram,
        StorageSettings storage,
        PollingSettings polling,
        DeliverySettings delivery,
        List<SourceConfig> sources,
        OpsSettings ops,
        StorySettings stories,
        StandbySettings standby) {

    /** Without a standby section: the default lease (used on PostgreSQL only). */
    public KhoborConfig(TelegramSettings telegram, StorageSettings storage, PollingSettings polling,
                        DeliverySettings delivery, List<SourceConfig> sources, OpsSettings ops, StorySettings stories) {
        this(telegram, storage, polling, delivery, sources, ops, stories, StandbySettings.DEFAULTS);
    }

    /** Without a stories section: the default window, merging on. */
    public KhoborConfig(TelegramSettings telegram, StorageSettings storage, PollingSettings polling,
                        DeliverySettings delivery, List<SourceConfig> sources, OpsSettings ops) {
        this(telegram, storage, polling, delivery, sources, ops, StorySettings.DEFAULTS);
    }

    /** Without an ops section: no endpoint, default alerts. */
    public KhoborConfig(TelegramSettings telegram, StorageSettings storage, PollingSettings polling,
                        DeliverySettings delivery, List<SourceConfig> sources) {
        this(telegram, storage, polling, delivery, sources, OpsSettings.DEFAULTS);
    }

    public List<SourceConfig> enabledSources() {
        return sources.stream().filter(SourceConfig::enabled).toList();
    }
}

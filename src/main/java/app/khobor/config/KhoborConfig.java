package app.khobor.config;

import java.util.List;

/** The whole validated configuration. Built by {@link ConfigLoader}. */
public record KhoborConfig(
        TelegramSettings telegram,
        StorageSettings storage,
        PollingSettings polling,
        DeliverySettings delivery,
        List<SourceConfig> sources) {

    public List<SourceConfig> enabledSources() {
        return sources.stream().filter(SourceConfig::enabled).toList();
    }
}

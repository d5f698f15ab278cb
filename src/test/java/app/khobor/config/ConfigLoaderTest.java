package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void the_shipped_config_loads() throws ConfigException {
        KhoborConfig config = ConfigLoader.load(Path.of("config/khobor.yaml"), Map.of());

        assertThat(config.enabledSources()).extracting(SourceConfig::id).containsExactly(
                "prothomalo", "jagonews24", "ittefaq", "banglatribune", "samakal", "bd-pratidin", "dhakapost",
                "banglanews24");
        assertThat(config.sources()).filteredOn(s -> !s.enabled()).extracting(SourceConfig::id)
                .containsExactly("kalerkantho", "kalbela", "bbc-bangla", "dw-bangla", "ekattor", "news18-bengali",
                        "zee24ghanta", "sangbadpratidin", "tv9bangla", "abp-ananda");
        assertThat(config.sources()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(config.storage().url()).isEqualTo("jdbc:sqlite:data/khobor.db");
        assertThat(config.polling().interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.polling()).isEqualTo(PollingSettings.DEFAULTS);
        assertThat(config.telegram().admins()).isEmpty();
    }

    @Test
    void the_shipped_html_sources_keep_their_selectors() throws ConfigException {
        KhoborConfig config = ConfigLoader.load(Path.of("config/khobor.yaml"), Map.of());

        SourceConfig samakal = config.sources().stream().filter(s -> s.id().equals("samakal")).findFirst().orElseThrow();
        assertThat(samakal.type()).isEqualTo(SourceType.HTML);
        assertThat(samakal.itemSelector()).isEqualTo("div.DCatLead > a, div.Catcards > a, div.CatListNews > a");
        assertThat(samakal.titleSelector()).isEqualTo("h1, h3 ! span.subHeading");
        assertThat(samakal.timeSelector()).isEqualTo("span.publishTime");
        assertThat(samakal.linkSelector()).isNull();
    }

    @Test
    void a_file_with_only_sources_gets_every_default() throws ConfigException {
        KhoborConfig config = files.load(ConfigFiles.ONE_FEED);

        assertThat(config.telegram()).isEqualTo(new TelegramSettings("https://api.telegram.org", java.util.List.of(),
                new RateLimitSettings(30, 1, 20), false));
        assertThat(config.storage()).isEqualTo(new StorageSettings("jdbc:sqlite:data/khobor.db", Duration.ofDays(30),
                100_000, Duration.ofDays(7)));
        assertThat(config.polling()).isEqualTo(new PollingSettings(Duration.ofMinutes(2), Duration.ofMinutes(30),
                Duration.ofSeconds(20), 5L * 1024 * 1024, PollingSettings.DEFAULT_USER_AGENT,
                Duration.ofSeconds(30), Duration.ofMinutes(10), 2));
        assertThat(config.delivery()).isEqualTo(new DeliverySettings(Duration.ofHours(6), 5));
    }

    @Test
    void a_feed_source_is_read_with_its_defaults() throws ConfigException {
        SourceConfig source = files.load(ConfigFiles.ONE_FEED).sources().get(0);

        assertThat(source).isEqualTo(SourceConfig.feed("prothomalo", "প্রথম আলো", URI.create("https://www.prothomalo.com/feed/")));
    }

    @Test
    void every_section_is_read() throws ConfigException {
        KhoborConfig config = files.load("""
                telegram:
                  apiUrl: http://localhost:8081/
                  admins: [111, 222]
                  rateLimit: {globalPerSecond: 500, perChatPerSecond: 2, perGroupPerMinute: 15}
                  paidBroadcast: true
                storage:
                  url: jdbc:postgresql://db/khobor
                  retention: 14d
                  seenCache: {size: 5000, expiry: 1d}
                polling:
                  interval: PT5M
                  timeout: 10s
                  maxBackoff: 1h
                  maxBody: 512KB
                  userAgent: TestAgent/1
                  minInterval: 45s
                  maxInterval: 15m
                  maxPerHostPerMinute: 3
                delivery:
                  maxAge: 3h
                  digestOver: 8
                """ + ConfigFiles.ONE_FEED);

        assertThat(config.telegram()).isEqualTo(new TelegramSettings("http://localhost:8081", java.util.List.of(111L, 222L),
                new RateLimitSettings(500, 2, 15), true));
        assertThat(config.storage()).isEqualTo(new StorageSettings("jdbc:postgresql://db/khobor", Duration.ofDays(14),
                5000, Duration.ofDays(1)));
        assertThat(config.polling()).isEqualTo(new PollingSettings(Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofSeconds(10), 512 * 1024, "TestAgent/1", Duration.ofSeconds(45), Duration.ofMinutes(15), 3));
        assertThat(config.delivery()).isEqualTo(new DeliverySettings(Duration.ofHours(3), 8));
    }

    @Test
    void partial_sections_keep_the_defaults_of_the_missing_keys() throws ConfigException {
        KhoborConfig config = files.load("""
                telegram:
                  rateLimit: {globalPerSecond: 20}
                storage:
                  seenCache: {size: 10}
                polling:
                  timeout: 5s
                """ + ConfigFiles.ONE_FEED);

        assertThat(config.telegram().rateLimit()).isEqualTo(new RateLimitSettings(20, 1, 20));
        assertThat(config.storage().seenCacheExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(config.storage().seenCacheSize()).isEqualTo(10);
        assertThat(config.polling().interval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void sections_left_empty_by_commenting_out_their_keys_use_defaults() throws ConfigException {
        KhoborConfig config = files.load("""
                telegram:
                  # admins: [111]
                storage:
                polling:
                delivery:
                """ + ConfigFiles.ONE_FEED);

        assertThat(config.polling()).isEqualTo(PollingSettings.DEFAULTS);
        assertThat(config.telegram().admins()).isEmpty();
    }

    @Test
    void env_overrides_the_database_url_and_the_api_url() throws ConfigException {
        KhoborConfig config = files.load("""
                telegram: {apiUrl: https://api.telegram.org}
                storage: {url: jdbc:sqlite:data/khobor.db}
                """ + ConfigFiles.ONE_FEED,
                Map.of("KHOBOR_DB_URL", "jdbc:sqlite:/tmp/other.db", "TELEGRAM_API_URL", "http://127.0.0.1:9000"));

        assertThat(config.storage().url()).isEqualTo("jdbc:sqlite:/tmp/other.db");
        assertThat(config.telegram().apiUrl()).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void env_overrides_apply_without_the_sections_in_the_file() throws ConfigException {
        KhoborConfig config = files.load(ConfigFiles.ONE_FEED,
                Map.of("KHOBOR_DB_URL", "jdbc:postgresql://db/k", "TELEGRAM_API_URL", "http://fake:1"));

        assertThat(config.storage().url()).isEqualTo("jdbc:postgresql://db/k");
        assertThat(config.storage().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.telegram().apiUrl()).isEqualTo("http://fake:1");
    }

    @Test
    void blank_env_values_are_ignored() throws ConfigException {
        KhoborConfig config = files.load(ConfigFiles.ONE_FEED, Map.of("KHOBOR_DB_URL", " ", "TELEGRAM_API_URL", ""));

        assertThat(config.storage().url()).isEqualTo(StorageSettings.DEFAULT_URL);
        assertThat(config.telegram().apiUrl()).isEqualTo(TelegramSettings.DEFAULT_API_URL);
    }

    @Test
    void a_source_interval_overrides_the_global_one() throws ConfigException {
        KhoborConfig config = files.load("""
                polling: {interval: 3m}
                sources:
                  - {id: fast, type: feed, url: https://a.example/feed, interval: 10s}
                  - {id: normal, type: feed, url: https://b.example/feed}
                """);

        SourceConfig fast = config.sources().get(0);
        SourceConfig normal = config.sources().get(1);
        assertThat(fast.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fast.intervalOr(config.polling().interval())).isEqualTo(Duration.ofSeconds(10));
        assertThat(normal.interval()).isNull();
        assertThat(normal.intervalOr(config.polling().interval())).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void an_html_source_keeps_its_selectors_and_a_name_defaults_to_the_id() throws ConfigException {
        SourceConfig source = files.load("""
                sources:
                  - id: bd-pratidin
                    type: html
                    url: https://www.bd-pratidin.com/online/todaynews
                    item: "span.section-title:contains(সর্বশেষ খবর) ~ div.scroll-list div.card"
                    title: "h5.card-title"
                    link: "a.stretched-link"
                    time: "p.card-text"
                    interval: 5m
                """).sources().get(0);

        assertThat(source).isEqualTo(new SourceConfig("bd-pratidin", "bd-pratidin", SourceType.HTML,
                URI.create("https://www.bd-pratidin.com/online/todaynews"),
                "span.section-title:contains(সর্বশেষ খবর) ~ div.scroll-list div.card", "h5.card-title",
                "a.stretched-link", "p.card-text", Duration.ofMinutes(5), true));
    }

    @Test
    void names_are_trimmed() throws ConfigException {
        SourceConfig source = files.load("""
                sources:
                  - {id: x, name: "  সমকাল  ", type: feed, url: https://x.example/}
                """).sources().get(0);

        assertThat(source.name()).isEqualTo("সমকাল");
    }

    @Test
    void a_missing_type_means_html_with_an_item_and_feed_without() throws ConfigException {
        KhoborConfig config = files.load("""
                sources:
                  - {id: page, url: https://x.example/latest, item: div.card}
                  - {id: feed, url: https://x.example/feed}
                  - {id: upper, type: FEED, url: https://x.example/rss}
                """);

        assertThat(config.sources()).extracting(SourceConfig::type)
                .containsExactly(SourceType.HTML, SourceType.FEED, SourceType.FEED);
    }

    @Test
    void a_google_news_sitemap_is_a_source_type() throws ConfigException {
        KhoborConfig config = files.load("""
                sources:
                  - {id: jago, type: sitemap, url: https://www.jagonews24.com/news-sitemap.xml}
                """);

        assertThat(config.sources()).extracting(SourceConfig::type).containsExactly(SourceType.SITEMAP);
    }

    @Test
    void disabled_sources_stay_listed_but_are_not_enabled() throws ConfigException {
        KhoborConfig config = files.load("""
                sources:
                  - {id: kept, type: feed, url: https://a.example/feed}
                  - {id: paused, type: feed, url: https://b.example/feed, enabled: false}
                """);

        assertThat(config.sources()).extracting(SourceConfig::id).containsExactly("kept", "paused");
        assertThat(config.enabledSources()).extracting(SourceConfig::id).containsExactly("kept");
    }

    @Test
    void yes_no_on_off_are_text_in_text_fields_and_flags_in_flags() throws ConfigException {
        KhoborConfig config = files.load("""
                sources:
                  - {id: on, name: no, type: feed, url: https://a.example/feed, enabled: yes}
                  - {id: off, type: feed, url: https://b.example/feed, enabled: off}
                """);

        assertThat(config.sources()).extracting(SourceConfig::id).containsExactly("on", "off");
        assertThat(config.sources()).extracting(SourceConfig::name).containsExactly("no", "off");
        assertThat(config.enabledSources()).extracting(SourceConfig::id).containsExactly("on");
    }

    @Test
    void the_loaded_config_cannot_be_changed() throws ConfigException {
        KhoborConfig config = files.load("telegram: {admins: [1]}\n" + ConfigFiles.ONE_FEED);

        assertThatThrownBy(() -> config.sources().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.telegram().admins().add(2L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_byte_order_mark_at_the_start_is_ignored() throws ConfigException {
        assertThat(files.load("\uFEFF" + ConfigFiles.ONE_FEED).sources()).hasSize(1);
    }

    @Test
    void title_with_an_exclusion_is_accepted_and_kept_whole() throws ConfigException {
        SourceConfig source = files.load("""
                sources:
                  - {id: samakal, type: html, url: https://samakal.com/latest/news, item: div.x > a, title: "h1, h3 ! span.subHeading"}
                """).sources().get(0);

        assertThat(source.titleSelector()).isEqualTo("h1, h3 ! span.subHeading");
    }
}

package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops section: no endpoint unless listen is set, its checks, and the environment override. */
class OpsSettingsTest {
    @TempDir
    Path dir;

    private ConfigFiles files() {
        return new ConfigFiles(dir);
    }

    @Test
    void without_an_ops_section_there_is_no_endpoint_and_alerts_come_after_an_hour() throws ConfigException {
        OpsSettings ops = files().load(ConfigFiles.ONE_FEED).ops();
        assertThat(ops.listen()).isNull();
        assertThat(ops.sourceAlertAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void listen_and_sourceAlertAfter_are_read() throws ConfigException {
        OpsSettings ops = files().load("ops: {listen: \"127.0.0.1:9464\", sourceAlertAfter: 30m}\n"
                + ConfigFiles.ONE_FEED).ops();
        assertThat(ops).isEqualTo(new OpsSettings("127.0.0.1:9464", Duration.ofMinutes(30)));
    }

    @Test
    void an_empty_listen_means_no_endpoint() throws ConfigException {
        assertThat(files().load("ops: {listen: \"\"}\n" + ConfigFiles.ONE_FEED).ops().listen()).isNull();
    }

    @Test
    void env_KHOBOR_OPS_LISTEN_overrides_the_file() throws ConfigException {
        OpsSettings ops = files().load("ops: {listen: \"127.0.0.1:9464\"}\n" + ConfigFiles.ONE_FEED,
                Map.of("KHOBOR_OPS_LISTEN", "0.0.0.0:9464")).ops();
        assertThat(ops.listen()).isEqualTo("0.0.0.0:9464");
    }

    @Test
    void a_listen_that_is_no_host_and_port_and_unknown_keys_are_refused_with_the_key() {
        assertThat(files().errorOf("ops: {listen: \"9464\"}\n" + ConfigFiles.ONE_FEED))
                .contains("ops", "listen '9464' must be host:port");
        assertThat(files().errorOf("ops: {port: 9464}\n" + ConfigFiles.ONE_FEED)).contains("ops", "port");
        assertThat(files().errorOf("ops: {sourceAlertAfter: 0s}\n" + ConfigFiles.ONE_FEED))
                .contains("sourceAlertAfter");
    }
}

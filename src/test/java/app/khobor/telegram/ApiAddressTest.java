package app.khobor.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class ApiAddressTest {
    @Test
    void official_api_uses_https_on_port_443() {
        assertThat(ApiAddress.parse("https://api.telegram.org/"))
                .isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
    }

    @Test
    void self_hosted_server_keeps_scheme_host_and_port() {
        assertThat(ApiAddress.parse("http://127.0.0.1:8081"))
                .isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
    }

    @Test
    void url_with_a_path_or_other_scheme_is_refused_with_a_hint() {
        assertThatThrownBy(() -> ApiAddress.parse("https://proxy.example/telegram"))
                .hasMessageContaining("must not have a path");
        assertThatThrownBy(() -> ApiAddress.parse("ftp://x")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> ApiAddress.parse(" ")).hasMessageContaining("must not be empty");
    }
}

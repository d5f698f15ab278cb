package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.source.PercentEncoding.Escapes;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {
    private static final IntPredicate ASCII_LETTERS_AND_SLASH = cp -> PercentEncoding.isUnreserved(cp) || cp == '/';

    @Test
    void bengali_text_and_spaces_become_upper_case_utf8_escapes() {
        assertThat(PercentEncoding.encode("/\u0996\u09AC\u09B0 a", ASCII_LETTERS_AND_SLASH, Escapes.KEEP))
                .isEqualTo("/%E0%A6%96%E0%A6%AC%E0%A6%B0%20a");
    }

    @Test
    void existing_escapes_are_kept_as_found_or_normalised() {
        assertThat(PercentEncoding.encode("%7e%2f%e0%A6%96", ASCII_LETTERS_AND_SLASH, Escapes.KEEP))
                .isEqualTo("%7e%2f%e0%A6%96");
        assertThat(PercentEncoding.encode("%7e%2f%e0%A6%96", ASCII_LETTERS_AND_SLASH, Escapes.NORMALISE))
                .isEqualTo("~%2F%E0%A6%96");
    }

    @Test
    void a_percent_that_starts_no_escape_is_encoded_even_before_non_ascii_digits() {
        assertThat(PercentEncoding.encode("100%", cp -> true, Escapes.KEEP)).isEqualTo("100%25");
        assertThat(PercentEncoding.encode("%\u09EB\u09E6", cp -> cp < 0x80, Escapes.KEEP))
                .isEqualTo("%25%E0%A7%AB%E0%A7%A6");
    }
}

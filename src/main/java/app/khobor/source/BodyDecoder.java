package app.khobor.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a fetched body into text. The charset comes from, in order: a byte-order mark (removed from the text), the
 * Content-Type header, an XML declaration or HTML meta tag in the first 2 KB, else UTF-8; a Latin label on bytes that
 * are (almost all) UTF-8 is overridden ({@link #isMostlyUtf8}). The whole array is decoded at once: decoding chunk by
 * chunk turns a multi-byte character split between chunks into U+FFFD.
 */
public final class BodyDecoder {
    private static final int SNIFF_BYTES = 2048;
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    /** Both {@code <meta charset=x>} and {@code <meta http-equiv=... content="text/html; charset=x">}. */
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]*?charset\\s*=\\s*[\"']?([^\"'\\s;/>]+)");
    /** What browsers use for all three Latin labels (WHATWG Encoding): it maps 0x80-0x9F to quotes and dashes. */
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> SINGLE_BYTE_LATIN = Set.of("ISO-8859-1", "windows-1252", "US-ASCII");
    /** A body labelled Latin is read as UTF-8 when it has fewer invalid sequences than one per this many valid ones. */
    static final int VALID_PER_INVALID = 100;

    private BodyDecoder() {}

    public static String decode(byte[] body, String contentType) {
        Optional<Bom> bom = Bom.of(body);
        if (bom.isPresent()) {
            int skip = bom.get().length();
            return new String(body, skip, body.length - skip, bom.get().charset());
        }
        Charset declared = charsetName(HEADER_CHARSET, contentType).flatMap(BodyDecoder::charset)
                .or(() -> sniffed(body).flatMap(BodyDecoder::charset))
                .orElse(StandardCharsets.UTF_8);
        if (SINGLE_BYTE_LATIN.contains(declared.name())) {
            return new String(body, isMostlyUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252);
        }
        return new String(body, declared);
    }

    private static Optional<String> sniffed(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return charsetName(XML_ENCODING, head)
                .or(() -> charsetName(META_CHARSET, head))
                // bytes we could read as ASCII cannot be UTF-16 without a BOM; browsers treat such a meta tag as UTF-8
                .filter(name -> !name.startsWith("utf-16"));
    }

    private static Optional<String> charsetName(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** Unknown or malformed names are common ("utf8mb4", "none"); they fall through to the next source, never throw. */
    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) { // also IllegalCharsetNameException, UnsupportedCharsetException
            return Optional.empty();
        }
    }

    /**
     * Servers often label UTF-8 pages ISO-8859-1 or windows-1252 (a web-server default nobody changed), and real UTF-8
     * feeds carry the odd damaged byte (a character cut in two by the CMS). Text really in a Latin charset almost never
     * forms valid multi-byte UTF-8 sequences: an accented letter is followed by ASCII, a curly quote (0x93) stands
     * alone. So the rule is: the body is UTF-8, whatever the label says, when
     * {@code invalid sequences x }{@value #VALID_PER_INVALID}{@code  < valid multi-byte sequences}. That is strictly
     * valid UTF-8 with any non-ASCII character, or at most one invalid sequence per more than
     * {@value #VALID_PER_INVALID} valid ones, each invalid one becoming U+FFFD. A Bengali feed has thousands of valid
     * sequences, so a few damaged bytes do not tip it; a Latin-1 page has about as many invalid sequences as accented
     * letters and none or a few chance valid pairs ("Ã©"), so it stays windows-1252. Plain ASCII reads the same
     * either way.
     */
    static boolean isMostlyUtf8(byte[] body) {
        Utf8Census census = Utf8Census.of(body);
        return census.invalid() * VALID_PER_INVALID < census.valid();
    }

    /**
     * How a body's non-ASCII bytes read as UTF-8: valid multi-byte sequences, and invalid ones counted the way a
     * decoder replaces them (each maximal ill-formed part, e.g. a lead byte with the continuation bytes it did get,
     * is one U+FFFD).
     */
    record Utf8Census(long valid, long invalid) {
        static Utf8Census of(byte[] b) {
            long valid = 0;
            long invalid = 0;
            int i = 0;
            while (i < b.length) {
                if (b[i] >= 0) {
                    i++;
                    continue;
                }
                int lead = b[i] & 0xFF;
                int length = sequenceLength(lead);
                int matched = 1;
                while (matched < length && i + matched < b.length && isContinuation(lead, matched, b[i + matched] & 0xFF)) {
                    matched++;
                }
                if (length > 0 && matched == length) {
                    valid++;
                } else {
                    invalid++;
                }
                i += matched;
            }
            return new Utf8Census(valid, invalid);
        }

        /** Bytes in the sequence a lead byte starts; 0 for bytes that start none (continuations, C0, C1, F5-FF). */
        private static int sequenceLength(int lead) {
            if (lead >= 0xC2 && lead <= 0xDF) {
                return 2;
            }
            if (lead >= 0xE0 && lead <= 0xEF) {
                return 3;
            }
            return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        }

        /** Unicode Table 3-7: the second byte's range depends on the lead (no overlongs, surrogates, or past U+10FFFF). */
        private static boolean isContinuation(int lead, int position, int b) {
            int low = 0x80;
            int high = 0xBF;
            if (position == 1) {
                low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
            }
            return b >= low && b <= high;
        }
    }

    private record Bom(Charset charset, int length) {
        static Optional<Bom> of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return Optional.of(new Bom(StandardCharsets.UTF_8, 3));
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return Optional.of(new Bom(StandardCharsets.UTF_16BE, 2));
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return Optional.of(new Bom(StandardCharsets.UTF_16LE, 2));
            }
            return Optional.empty();
        }
    }
}

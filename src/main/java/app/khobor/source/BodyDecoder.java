package app.khobor.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a fetched body into text. The charset comes from, in order: a byte-order mark (removed from the text), the
 * Content-Type header, an XML declaration or HTML meta tag in the first 2 KB, else UTF-8. The whole array is decoded at
 * once: decoding chunk by chunk turns a multi-byte character split between chunks into U+FFFD.
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
            return strictUtf8(body).orElseGet(() -> new String(body, WINDOWS_1252));
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
     * Servers often label UTF-8 pages ISO-8859-1 or windows-1252 (a web-server default nobody changed). Text really in a
     * Latin charset almost never forms valid multi-byte UTF-8 sequences (an accented letter is followed by ASCII), so
     * bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the label says. Plain ASCII reads the same either way.
     */
    private static Optional<String> strictUtf8(byte[] body) {
        if (isAscii(body)) {
            return Optional.empty();
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return Optional.of(text.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
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

package app.khobor.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body into memory, undoing its Content-Encoding, without ever holding more than the limit: the limit
 * counts decompressed bytes, so a small gzip bomb is refused like a large plain body.
 */
final class BodyReader {
    /** The compression could not be undone (unknown coding, corrupt stream): the body is unusable. */
    static final class UndecodableBodyException extends IOException {
        UndecodableBodyException(String message) {
            super(message);
        }
    }

    private static final int BUFFER = 16 * 1024;
    private static final int FIRST_ALLOCATION = 64 * 1024;

    private BodyReader() {}

    /** Wraps {@code raw} so reads return decoded bytes; codings listed last were applied last, so they are undone first. */
    static InputStream decompressing(InputStream raw, String contentEncoding) throws IOException {
        List<String> codings = codings(contentEncoding);
        InputStream in = raw;
        for (int i = codings.size() - 1; i >= 0; i--) {
            in = undo(in, codings.get(i));
        }
        return in;
    }

    /**
     * @param sizeHint expected size (Content-Length of an uncompressed body) or -1; an exact hint avoids a final copy
     * @return the whole body, or empty when it is longer than {@code limit}
     */
    static Optional<byte[]> readAll(InputStream in, long limit, long sizeHint) throws IOException {
        byte[] buf = new byte[firstAllocation(limit, sizeHint)];
        int count = 0;
        while (true) {
            int n = in.read(buf, count, buf.length - count);
            if (n == -1) {
                return Optional.of(count == buf.length ? buf : Arrays.copyOf(buf, count));
            }
            count += n;
            if (count == buf.length) {
                int next = in.read(); // a full buffer may be the whole body: look before growing
                if (next == -1) {
                    return Optional.of(buf);
                }
                if (count >= limit) {
                    return Optional.empty();
                }
                buf = Arrays.copyOf(buf, (int) Math.min(limit, 2L * buf.length));
                buf[count++] = (byte) next;
            }
        }
    }

    private static int firstAllocation(long limit, long sizeHint) {
        long wanted = sizeHint >= 0 ? sizeHint : FIRST_ALLOCATION;
        return (int) Math.max(1, Math.min(Math.min(limit, Integer.MAX_VALUE - 16), wanted));
    }

    private static List<String> codings(String contentEncoding) {
        List<String> codings = new ArrayList<>();
        if (contentEncoding == null) {
            return codings;
        }
        for (String part : contentEncoding.split(",")) {
            String coding = part.strip().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                codings.add(coding);
            }
        }
        return codings;
    }

    private static InputStream undo(InputStream in, String coding) throws IOException {
        PushbackInputStream peekable = new PushbackInputStream(in, 2);
        byte[] head = peekable.readNBytes(2);
        if (head.length == 0) {
            return InputStream.nullInputStream(); // e.g. a 204 that still names its (empty) encoding
        }
        peekable.unread(head);
        return switch (coding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(peekable, BUFFER);
            case "deflate" -> inflating(peekable, !isZlibHeader(head));
            default -> throw new UndecodableBodyException("unsupported Content-Encoding " + coding);
        };
    }

    /** "deflate" should be zlib-wrapped (RFC 9110), but some servers send a raw deflate stream; accept both. */
    private static boolean isZlibHeader(byte[] head) {
        if (head.length < 2) {
            return false;
        }
        int cmf = head[0] & 0xFF;
        int flg = head[1] & 0xFF;
        return (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
    }

    private static InputStream inflating(InputStream in, boolean raw) {
        Inflater inflater = new Inflater(raw);
        return new InflaterInputStream(in, inflater, BUFFER) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end(); // a caller-supplied Inflater is not ended by InflaterInputStream itself
                }
            }
        };
    }
}

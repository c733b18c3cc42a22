package no.alisportalen.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.GZIPOutputStream;
import no.alisportalen.position.PositionId;

/**
 * A search result as the API sends it: its JSON, kept gzip-compressed (a page of 20 is ~50 KB of JSON and ~8 KB
 * compressed, so the same memory holds six times as many pages), and the positions it lists, for the impressions.
 * A client that accepts gzip gets the bytes as they are; any other gets them inflated, which is cheaper than
 * writing the JSON again.
 *
 * @param gzip the JSON, gzip-compressed; never changed after construction
 * @param jsonLength the JSON's length in bytes
 */
record RenderedPage(byte[] gzip, int jsonLength, List<PositionId> ids) {

    RenderedPage {
        ids = List.copyOf(ids);
    }

    static RenderedPage of(byte[] json, List<PositionId> ids) {
        var out = new ByteArrayOutputStream(json.length / 4 + 64);
        // The fastest level: compressing sits on every cache miss, and it still shrinks this JSON ~5 times.
        try (var gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedPage(out.toByteArray(), json.length, ids);
    }

    /**
     * The JSON, inflated in one call into an array of its known length: the raw deflate data sits between
     * GZIPOutputStream's fixed 10-byte header and its 8-byte trailer. Inflating was ~11 % of a cached search's
     * CPU for clients without gzip, and a stream's buffers and copies added to it.
     */
    byte[] json() {
        var inflater = new Inflater(true);
        try {
            inflater.setInput(gzip, GZIP_HEADER, gzip.length - GZIP_HEADER - GZIP_TRAILER);
            var json = new byte[jsonLength];
            int n = inflater.inflate(json);
            if (!inflater.finished()) { // a full output can stop just before the end-of-data marker
                n += inflater.inflate(new byte[1]);
            }
            if (n != jsonLength || !inflater.finished()) {
                throw new IllegalStateException("Cached page inflated to " + n + " of " + jsonLength + " bytes");
            }
            return json;
        } catch (DataFormatException e) {
            throw new IllegalStateException("Cached page unreadable", e);
        } finally {
            inflater.end();
        }
    }

    private static final int GZIP_HEADER = 10;
    private static final int GZIP_TRAILER = 8;

    /** What it holds on the heap, roughly: the bytes and a fixed share per listed position. */
    int weight() {
        return 256 + gzip.length + 96 * ids.size();
    }
}

package no.alisportalen.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import no.alisportalen.position.PositionId;

/**
 * A search result as the API sends it: its JSON, and the positions it lists, for the impressions. A page is made
 * plain, so the search that computed it sends it at once, and the cache then swaps it for its gzip-compressed
 * form ({@link #compressed()}, a page of 20 is ~50 KB of JSON and ~10 KB compressed, so the same memory holds
 * five times as many pages). A client that accepts gzip gets compressed bytes as they are; any other gets them
 * inflated, which is cheaper than writing the JSON again.
 *
 * @param bytes the JSON, or its gzip form when {@code gzipped}; never changed after construction
 * @param jsonLength the JSON's length in bytes
 */
record RenderedPage(byte[] bytes, boolean gzipped, int jsonLength, List<PositionId> ids) {

    RenderedPage {
        ids = List.copyOf(ids);
    }

    static RenderedPage of(byte[] json, List<PositionId> ids) {
        return new RenderedPage(json, false, json.length, ids);
    }

    /** This page gzip-compressed (itself if it already is). */
    RenderedPage compressed() {
        if (gzipped) {
            return this;
        }
        var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        // The fastest level: it still shrinks this JSON ~5 times.
        try (var gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedPage(out.toByteArray(), true, bytes.length, ids);
    }

    /**
     * The JSON. A compressed page is inflated in one call into an array of its known length: the raw deflate data
     * sits between GZIPOutputStream's fixed 10-byte header and its 8-byte trailer. Inflating was ~11 % of a cached
     * search's CPU for clients without gzip, and a stream's buffers and copies added to it.
     */
    byte[] json() {
        if (!gzipped) {
            return bytes;
        }
        var inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, GZIP_HEADER, bytes.length - GZIP_HEADER - GZIP_TRAILER);
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
        return 256 + bytes.length + 96 * ids.size();
    }
}

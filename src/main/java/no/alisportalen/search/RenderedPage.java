package no.alisportalen.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
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

    byte[] json() {
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip), 8192)) {
            return in.readNBytes(jsonLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What it holds on the heap, roughly: the bytes and a fixed share per listed position. */
    int weight() {
        return 256 + gzip.length + 96 * ids.size();
    }
}

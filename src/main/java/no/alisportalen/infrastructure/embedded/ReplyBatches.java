package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every reply under the wire's message limit, as MongoDB does: a batch holds documents up to 16 MB and
 * the rest waits in a cursor for getMore. mongo-java-server puts a whole result into one batch when the client
 * sets no batch size, and a large result then breaks the driver ("reply message length … is greater than the
 * maximum"); internal callers are unaffected, only what goes on the wire is cut.
 */
final class ReplyBatches {

    /** MongoDB's batch limit; the wire's message limit (48 MB) leaves room for the envelope. */
    static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;

    private ReplyBatches() {
    }

    /** Cuts a find or aggregate reply's first batch, moving the rest (and any cursor it had) into one cursor. */
    @SuppressWarnings("unchecked")
    static Document bounded(Document response, CursorRegistry cursors) {
        if (!(response.get("cursor") instanceof Document cursor)
                || !(cursor.get("firstBatch") instanceof List<?> batch)) {
            return response;
        }
        var documents = (List<Document>) batch;
        int keep = fitting(documents);
        if (keep == documents.size()) {
            return response;
        }
        List<Document> rest = new ArrayList<>(documents.subList(keep, documents.size()));
        long previous = cursor.get("id") instanceof Number n ? n.longValue() : 0;
        if (previous != 0) {
            var old = cursors.getCursor(previous);
            while (!old.isEmpty()) {
                rest.addAll(old.takeDocuments(Integer.MAX_VALUE));
            }
            cursors.remove(old);
        }
        var next = new InMemoryCursor(cursors.generateCursorId(), rest);
        cursors.add(next);
        cursor.put("firstBatch", new ArrayList<>(documents.subList(0, keep)));
        cursor.put("id", next.getId());
        return response;
    }

    /** A getMore batch: up to {@code batchSize} documents (all when 0) and at most 16 MB. */
    static Document nextBatch(String namespace, Cursor cursor, int batchSize, CursorRegistry cursors) {
        List<Document> batch = new ArrayList<>();
        long bytes = 0;
        while (!cursor.isEmpty() && (batchSize <= 0 || batch.size() < batchSize)) {
            var document = cursor.takeDocuments(1).getFirst();
            bytes += Sql.encode(document).length;
            batch.add(document);
            if (bytes >= MAX_BATCH_BYTES) {
                break;
            }
        }
        long id = cursor.getId();
        if (cursor.isEmpty()) {
            cursors.remove(cursor);
            id = 0;
        }
        var body = new Document();
        body.put("id", id);
        body.put("ns", namespace);
        body.put("nextBatch", batch);
        var response = new Document("cursor", body);
        response.put("ok", 1.0);
        return response;
    }

    /** How many leading documents fit in one batch (always at least one, as MongoDB sends an oversized one alone). */
    private static int fitting(List<Document> documents) {
        long bytes = 0;
        int count = 0;
        for (var document : documents) {
            bytes += Sql.encode(document).length;
            if (count > 0 && bytes > MAX_BATCH_BYTES) {
                break;
            }
            count++;
        }
        return count;
    }
}

package no.alisportalen.infrastructure.embedded;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;

/**
 * The child process of {@link StoreCrashTest}: runs the embedded store and writes to it from four threads
 * until it is killed, appending one line per acknowledged write ("I id .", "D id .", "C n .") and one before each
 * delete is sent ("X id .") to the acknowledgements file, each line with one system call.
 */
public final class CrashWriter {

    public static void main(String[] args) throws Exception {
        // The acknowledgements have a file of their own: no log line can split one, and what was written survives
        // the kill (a write is in the kernel once the call returns).
        var out = new PrintStream(new FileOutputStream(args[3], true), false, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(System.err);
        // Ends with the test JVM that started it: a build stopped mid-test (or a test JVM that died) would
        // otherwise leave it writing to a deleted folder until someone kills it by hand.
        var parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        parent.get().onExit().thenRun(() -> Runtime.getRuntime().halt(3));
        var file = Path.of(args[0]);
        boolean backups = args.length > 1 && args[1].equals("backup");
        int round = Integer.parseInt(args.length > 2 ? args[2] : "0");
        var store = EmbeddedMongo.acquire(file);
        var client = MongoClients.create(store.connectionString());
        var collection = client.getDatabase("crash").getCollection("writes");
        collection.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                var random = new Random(round * 31L + thread);
                List<String> mine = new ArrayList<>();
                for (int i = 0; ; i++) {
                    String id = "r" + round + "-t" + thread + "-" + i;
                    collection.insertOne(new Document("_id", id).append("key", "k-" + id)
                            .append("pad", "x".repeat(200 + random.nextInt(1800))));
                    ack(out, "I " + id);
                    mine.add(id);
                    if (i % 7 == 6) {
                        String victim = mine.remove(random.nextInt(mine.size()));
                        // Announced before it is sent: a delete in flight at the kill may or may not have happened.
                        ack(out, "X " + victim);
                        collection.deleteOne(Filters.eq("_id", victim));
                        ack(out, "D " + victim);
                    }
                    if (i % 5 == 4) {
                        var counter = collection.findOneAndUpdate(Filters.eq("_id", "counter"), Updates.inc("n", 1),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        ack(out, "C " + counter.getInteger("n"));
                    }
                }
            }));
        }
        if (backups) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int b = 0; ; b++) {
                    store.backupTo(file.resolveSibling("backups").resolve("round-" + round + "-" + b + ".sqlite"));
                    ack(out, "B " + b);
                }
            }));
        }
        ack(out, "READY");
        for (var thread : threads) {
            thread.join();
        }
    }

    /**
     * One line, written with one system call: a kill leaves it whole or absent, never in a buffer. PrintStream's
     * print is synchronized and writes its whole text through to the file at once.
     */
    private static void ack(PrintStream out, String acknowledgement) {
        out.print(acknowledgement + " .\n");
    }
}

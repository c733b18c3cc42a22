package no.alisportalen.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite backend through the real MongoDB driver: answers, indexes, uniqueness, concurrency, backups. */
class SqliteBackendTest {

    @TempDir
    Path dir;

    private SqliteStore store;
    private SqliteBackend backend;
    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        open(dir.resolve("store.sqlite"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
        store.close();
    }

    private void open(Path file) {
        store = new SqliteStore(file, SqliteStore.Sync.FULL);
        backend = new SqliteBackend(store);
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    private void restart(Path file) {
        stop();
        open(file);
    }

    private MongoCollection<Document> collection(String name) {
        return client.getDatabase("t").getCollection(name);
    }

    @Test
    void indexed_queries_answer_exactly_what_a_scan_answers() {
        var indexed = collection("indexed");
        var plain = collection("plain");
        indexed.createIndex(Indexes.ascending("status", "deadline"));
        indexed.createIndex(Indexes.ascending("owner"));
        indexed.createIndex(Indexes.ascending("tags"));
        indexed.createIndex(Indexes.ascending("n"));
        var random = new Random(11);
        String[] statuses = {"DRAFT", "PUBLISHED", "CLOSED"};
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            var document = new Document("_id", "id-" + i).append("version", (long) random.nextInt(3))
                    .append("status", statuses[random.nextInt(3)])
                    .append("deadline", Instant.parse("2027-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(60)))
                    .append("n", random.nextBoolean() ? (Object) random.nextInt(20) : (Object) (random.nextInt(20) + 0.5))
                    .append("tags", List.of("t" + random.nextInt(5), "t" + random.nextInt(5)));
            if (random.nextInt(4) > 0) {
                document.append("owner", "o" + random.nextInt(30));
            }
            documents.add(document);
        }
        indexed.insertMany(documents);
        plain.insertMany(documents.stream().map(d -> new Document(d)).toList());

        List<Supplier<Bson>> queries = List.of(
                () -> Filters.eq("_id", "id-" + random.nextInt(700)),
                () -> Filters.and(Filters.eq("_id", "id-" + random.nextInt(600)), Filters.eq("version", (long) random.nextInt(3))),
                () -> Filters.eq("status", statuses[random.nextInt(3)]),
                () -> Filters.and(Filters.eq("status", statuses[random.nextInt(3)]),
                        Filters.lt("deadline", Instant.parse("2027-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(60)))),
                () -> Filters.and(Filters.eq("status", "PUBLISHED"), Filters.gte("deadline",
                        Instant.parse("2027-01-20T00:00:00Z")), Filters.lte("deadline", Instant.parse("2027-02-10T00:00:00Z"))),
                () -> Filters.eq("owner", "o" + random.nextInt(35)),
                () -> Filters.eq("owner", null),
                () -> Filters.in("owner", "o1", "o2", "o3", null),
                () -> Filters.in("_id", "id-1", "id-2", "nope"),
                () -> Filters.eq("tags", "t" + random.nextInt(6)),
                () -> Filters.eq("n", random.nextInt(20)),
                () -> Filters.gt("n", random.nextInt(20)),
                () -> Filters.and(Filters.gte("n", 3L), Filters.lt("n", 9.5)),
                () -> Filters.lte("n", random.nextInt(20) + 0.5),
                () -> Filters.in("status", "DRAFT", "CLOSED"));
        for (int round = 0; round < 300; round++) {
            var query = queries.get(random.nextInt(queries.size())).get();
            long scansBefore = backend.scans();
            var fromIndex = indexed.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(backend.scans()).as("an index serves " + query).isEqualTo(scansBefore);
            var fromScan = plain.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(fromIndex).as(query.toString()).isEqualTo(fromScan);
            // An aggregation's leading $match is served by the index too, with the same answer.
            var pipeline = List.of(Aggregates.match(query), Aggregates.group("$status", Accumulators.sum("n", 1)),
                    Aggregates.sort(Sorts.ascending("_id")));
            scansBefore = backend.scans();
            var grouped = indexed.aggregate(pipeline).into(new ArrayList<>());
            assertThat(backend.scans()).as("an index serves the $match of " + query).isEqualTo(scansBefore);
            assertThat(grouped).as(query.toString()).isEqualTo(plain.aggregate(pipeline).into(new ArrayList<>()));
        }
        long scansBefore = backend.scans();
        plain.find(Filters.eq("owner", "o1")).first();
        assertThat(backend.scans()).as("a query no index serves still answers, as a scan").isEqualTo(scansBefore + 1);
    }

    @Test
    void updates_keep_indexes_in_step_and_unique_keys_hold_across_restarts() {
        var accounts = collection("accounts");
        accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        accounts.insertOne(new Document("_id", "a").append("email", "kari@test.no"));
        accounts.insertOne(new Document("_id", "b").append("email", "ola@test.no"));

        assertThatThrownBy(() -> accounts.insertOne(new Document("_id", "c").append("email", "kari@test.no")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> accounts.updateOne(Filters.eq("_id", "b"), Updates.set("email", "kari@test.no")))
                .isInstanceOf(MongoWriteException.class);
        accounts.updateOne(Filters.eq("_id", "a"), Updates.set("email", "kari.nordmann@test.no"));
        accounts.insertOne(new Document("_id", "c").append("email", "kari@test.no"));

        restart(dir.resolve("store.sqlite"));
        var reopened = collection("accounts");
        assertThat(reopened.find(Filters.eq("email", "kari.nordmann@test.no")).first()).containsEntry("_id", "a");
        assertThat(reopened.find(Filters.eq("email", "kari@test.no")).first()).containsEntry("_id", "c");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "d").append("email", "ola@test.no")))
                .isInstanceOf(MongoWriteException.class);
        reopened.deleteOne(Filters.eq("_id", "b"));
        reopened.insertOne(new Document("_id", "d").append("email", "ola@test.no"));
        assertThat(reopened.countDocuments()).isEqualTo(3);
    }

    @Test
    void concurrent_writers_lose_no_update_while_readers_read() throws Exception {
        var counters = collection("counters");
        counters.insertOne(new Document("_id", "c").append("n", 0).append("version", 0L));
        int threads = 8;
        int each = 100;
        try (var pool = Executors.newFixedThreadPool(threads + 2)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        // Optimistic locking as Spring Data does it: read the version, write where it still holds.
                        while (true) {
                            var current = counters.find(Filters.eq("_id", "c")).first();
                            long version = current.getLong("version");
                            var result = counters.updateOne(Filters.and(Filters.eq("_id", "c"), Filters.eq("version", version)),
                                    Updates.combine(Updates.inc("n", 1), Updates.set("version", version + 1)));
                            if (result.getModifiedCount() == 1) {
                                break;
                            }
                        }
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        var seen = counters.find(Filters.eq("_id", "c")).first();
                        assertThat(seen.getInteger("n")).isEqualTo(seen.getLong("version").intValue());
                    }
                }));
            }
            for (var future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        }
        var last = counters.find(Filters.eq("_id", "c")).first();
        assertThat(last.getInteger("n")).isEqualTo(threads * each);
    }

    @Test
    void a_result_larger_than_one_reply_arrives_whole_over_several_batches() {
        var big = collection("big");
        String megabyte = "x".repeat(1024 * 1024);
        for (int i = 0; i < 60; i++) {
            big.insertOne(new Document("_id", i).append("kind", "large").append("pad", megabyte));
        }
        // 60 MB: more than the wire's 48 MB message limit if sent as one batch.
        assertThat(big.find().into(new ArrayList<>())).hasSize(60);
        assertThat(big.find(Filters.eq("kind", "large")).batchSize(0).into(new ArrayList<>())).hasSize(60);
        assertThat(big.aggregate(List.of(Aggregates.match(Filters.eq("kind", "large")))).into(new ArrayList<>()))
                .hasSize(60);
        assertThat(big.find().batchSize(7).map(d -> d.getInteger("_id")).into(new ArrayList<>()))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 60).boxed().toList());
    }

    @Test
    void a_failed_command_in_a_new_database_leaves_the_database_usable() {
        // Dropping a missing collection fails (ns not found) after the database was created on the way.
        var c = client.getDatabase("fresh").getCollection("things");
        c.drop();
        c.insertOne(new Document("_id", 1));
        c.createIndex(Indexes.ascending("n"));
        assertThat(c.countDocuments()).isEqualTo(1);
        c.drop();
        restart(dir.resolve("store.sqlite"));
        var again = client.getDatabase("fresh").getCollection("things");
        again.insertOne(new Document("_id", 2));
        assertThat(again.find().first()).containsEntry("_id", 2);

        client.getDatabase("fresh").drop();
        assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("fresh");
        again.insertOne(new Document("_id", 3));
        assertThat(again.countDocuments()).isEqualTo(1);
        restart(dir.resolve("store.sqlite"));
        assertThat(client.getDatabase("fresh").getCollection("things").find().first()).containsEntry("_id", 3);
    }

    @Test
    void an_ordered_insert_keeps_the_documents_before_a_duplicate() {
        var c = collection("ordered");
        c.insertOne(new Document("_id", 3));
        assertThatThrownBy(() -> c.insertMany(List.of(new Document("_id", 1), new Document("_id", 2),
                new Document("_id", 3), new Document("_id", 4)))).isInstanceOf(com.mongodb.MongoBulkWriteException.class);
        assertThat(c.find().sort(Sorts.ascending("_id")).map(d -> d.getInteger("_id")).into(new ArrayList<>()))
                .containsExactly(1, 2, 3);
    }

    @Test
    void a_backup_is_a_complete_store_as_of_one_commit() {
        var c = collection("positions");
        c.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        for (int i = 0; i < 50; i++) {
            c.insertOne(new Document("_id", i).append("key", "k" + i));
        }
        var backup = dir.resolve("backups/one.sqlite");
        store.backupTo(backup);
        c.insertOne(new Document("_id", 999).append("key", "after"));
        assertThat(dir.resolve("backups")).isDirectoryNotContaining("glob:**.partial");

        restart(backup);
        var restored = collection("positions");
        assertThat(restored.countDocuments()).isEqualTo(50);
        assertThat(restored.find(Filters.eq("key", "after")).first()).isNull();
        assertThatThrownBy(() -> restored.insertOne(new Document("_id", 1000).append("key", "k7")))
                .isInstanceOf(MongoWriteException.class);
    }

    @Test
    void a_store_of_the_earlier_version_is_migrated_once_with_its_indexes() throws Exception {
        var folder = dir.resolve("migrate");
        Files.createDirectories(folder);
        var legacy = folder.resolve(EmbeddedMongo.LEGACY_FILE_NAME);
        var h2 = new H2Backend(legacy.toString());
        var old = new MongoServer(h2);
        try (var oldClient = MongoClients.create(old.bindAndGetConnectionString())) {
            var accounts = oldClient.getDatabase("alisportalen").getCollection("accounts");
            accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email"));
            for (int i = 0; i < 1_234; i++) {
                accounts.insertOne(new Document("_id", "a" + i).append("email", "u" + i + "@test.no"));
            }
            oldClient.getDatabase("alisportalen").getCollection("positions")
                    .insertOne(new Document("_id", "p").append("title", "ALIS i Vinje"));
        } finally {
            old.shutdown();
        }

        try (var migrated = EmbeddedMongo.acquire(folder.resolve(EmbeddedMongo.FILE_NAME));
                var newClient = MongoClients.create(migrated.connectionString())) {
            var db = newClient.getDatabase("alisportalen");
            assertThat(db.getCollection("accounts").countDocuments()).isEqualTo(1_234);
            assertThat(db.getCollection("positions").find().first()).containsEntry("title", "ALIS i Vinje");
            assertThatThrownBy(() -> db.getCollection("accounts")
                    .insertOne(new Document("_id", "x").append("email", "u5@test.no")))
                    .isInstanceOf(MongoWriteException.class);
        }
        assertThat(legacy).doesNotExist();
        assertThat(folder.resolve(EmbeddedMongo.LEGACY_FILE_NAME + ".migrated")).exists();
    }

    /** Seen at start-up: a reader met a collection whose creating write had not committed yet ("no such table"). */
    @Test
    void a_collection_whose_creation_has_not_committed_reads_as_empty() throws Exception {
        var created = new java.util.concurrent.CountDownLatch(1);
        var read = new java.util.concurrent.CountDownLatch(1);
        var writer = Executors.newSingleThreadExecutor();
        try {
            var write = writer.submit(() -> store.write(() -> {
                backend.resolveDatabase("t").createCollectionOrThrowIfExists("fresh",
                        de.bwaldvogel.mongo.backend.CollectionOptions.withDefaults());
                created.countDown();
                try {
                    // The write stays open until the reader has looked.
                    assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                assertThat(collection("fresh").find().into(new ArrayList<>())).isEmpty();
                assertThat(collection("fresh").countDocuments()).isZero();
            } finally {
                read.countDown();
            }
            write.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        collection("fresh").insertOne(new Document("_id", 1));
        assertThat(collection("fresh").countDocuments()).isEqualTo(1);
    }

    @Test
    void an_unreadable_earlier_store_stops_the_start_and_stays_as_it_was() throws Exception {
        var folder = dir.resolve("broken");
        Files.createDirectories(folder);
        var legacy = folder.resolve(EmbeddedMongo.LEGACY_FILE_NAME);
        byte[] garbage = new byte[64 * 1024];
        new Random(3).nextBytes(garbage);
        Files.write(legacy, garbage);

        assertThatThrownBy(() -> EmbeddedMongo.acquire(folder.resolve(EmbeddedMongo.FILE_NAME)))
                .hasMessageContaining("cannot be read").hasMessageContaining("left unchanged");
        assertThat(Files.readAllBytes(legacy)).isEqualTo(garbage);
        assertThat(folder.resolve(EmbeddedMongo.FILE_NAME)).doesNotExist();
    }
}

package no.alisportalen.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @TempDir
    Path dir;

    @Test
    void data_survives_a_restart_of_the_store() {
        var file = dir.resolve("store/portal.sqlite");
        try (var store = EmbeddedMongo.acquire(file); var client = MongoClients.create(store.connectionString())) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "a").append("n", 42));
        }
        try (var store = EmbeddedMongo.acquire(file); var client = MongoClients.create(store.connectionString())) {
            var found = client.getDatabase("t").getCollection("c").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(42);
        }
    }

    @Test
    void the_same_file_is_shared_within_a_jvm_and_stops_with_the_last_user() {
        var file = dir.resolve("shared.sqlite");
        var first = EmbeddedMongo.acquire(file);
        var second = EmbeddedMongo.acquire(file);
        assertThat(second).isSameAs(first);
        second.close();
        try (var client = MongoClients.create(first.connectionString())) {
            assertThat(client.getDatabase("t").runCommand(new Document("ping", 1)).get("ok")).isNotNull();
        }
        first.close();
        try (var again = EmbeddedMongo.acquire(file)) {
            assertThat(again).isNotSameAs(first);
        }
    }
}

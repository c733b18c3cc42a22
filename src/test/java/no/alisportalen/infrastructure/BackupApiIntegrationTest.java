package no.alisportalen.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.infrastructure.embedded.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class BackupApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    StoreBackups backups;

    @Test
    void an_admin_takes_a_backup_that_opens_as_a_complete_store() {
        var api = new TestApi(port);
        var response = api.post("/api/v1/admin/backups", Map.of(), TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        var name = response.json().get("name").asString();
        assertThat(name).matches("portal-\\d{8}T\\d{9}Z\\.sqlite");
        assertThat(response.json().get("sizeBytes").asLong()).isPositive();

        var listed = api.get("/api/v1/admin/backups", TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo(name);

        // Restoring is starting a store on the file: the admin account and the municipalities are in it.
        var file = backups.directory().resolve(name);
        var copy = file.getParent().resolveSibling("restored").resolve("store").resolve(EmbeddedMongo.FILE_NAME);
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var store = EmbeddedMongo.acquire(copy); var client = MongoClients.create(store.connectionString())) {
            var accounts = client.getDatabase("alisportalen").getCollection("accounts");
            assertThat(accounts.find(new Document("email", TestApi.ADMIN_EMAIL)).first()).isNotNull();
        }
    }

    @Test
    void only_admins_may_take_or_list_backups() {
        var api = new TestApi(port);
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var applicant = api.newApplicant("Kari", "LIS1");
        for (var user : new String[][] {office, municipality, applicant}) {
            assertThat(api.post("/api/v1/admin/backups", Map.of(), user).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/admin/backups", user).status()).isEqualTo(403);
        }
        assertThat(api.post("/api/v1/admin/backups", Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/backups").status()).isEqualTo(401);
    }
}

package no.alisportalen.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApiKeyRepository extends MongoRepository<ApiKeyDocument, String> {

    Optional<ApiKeyDocument> findByHash(String hash);

    List<ApiKeyDocument> findByOwnerIdOrderByCreatedAtDesc(String ownerId);
}

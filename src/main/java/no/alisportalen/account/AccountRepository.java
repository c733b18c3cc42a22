package no.alisportalen.account;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AccountRepository extends MongoRepository<AccountDocument, String> {

    Optional<AccountDocument> findByEmail(String email);

    long countByRole(Role role);
}

package no.alisportalen.notification;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<NotificationDocument, String> {

    List<NotificationDocument> findByRecipientOrderByCreatedAtDesc(String recipient, Pageable page);

    long deleteByRecipient(String recipient);
}

package no.alisportalen.application;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApplicationRepository extends MongoRepository<ApplicationDocument, String> {

    List<ApplicationDocument> findByPositionId(String positionId, Sort sort);

    List<ApplicationDocument> findByApplicantId(String applicantId, Sort sort);

    List<ApplicationDocument> findByPositionIdInAndAnonymisedAtIsNull(List<String> positionIds);

    long deleteByApplicantId(String applicantId);

    java.util.Optional<ApplicationDocument> findByActiveKey(String activeKey);
}

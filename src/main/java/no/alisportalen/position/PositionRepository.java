package no.alisportalen.position;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PositionRepository extends MongoRepository<PositionDocument, String> {

    List<PositionDocument> findByDataMunicipalityNumber(String municipalityNumber, Sort sort);

    List<PositionDocument> findByStatusAndDataApplicationDeadlineBefore(PositionStatus status, LocalDate date);

    List<PositionDocument> findByStatus(PositionStatus status);

    @org.springframework.data.mongodb.repository.Query(value = "{ 'status': { '$ne': 'DRAFT' } }", count = true)
    long countIndexable();
}

package no.alisportalen.position;

import java.util.ArrayList;
import java.util.List;
import no.alisportalen.municipality.RecruitmentWeakness;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Once per store: positions written before the scheme amounts (issue #17) get the derived recruitment-weak flag,
 * the configured amount for each offered standard element, and their incentives marked as the municipality's
 * own unless they fit the scheme's extra elements in an especially recruitment-weak municipality (in order, up
 * to the year's ceiling). Each changed position is saved like any system change: audited, fed, re-indexed.
 * Runs before the demo data, so a fresh store only records that there was nothing to migrate.
 */
@Component
@Order(5)
class SchemeMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchemeMigration.class);
    static final String MIGRATIONS = "migrations";
    static final String ID = "scheme-amounts-2026";

    private final PositionRepository repository;
    private final PositionService positions;
    private final RecruitmentWeakness weakness;
    private final MongoTemplate mongo;

    SchemeMigration(PositionRepository repository, PositionService positions, RecruitmentWeakness weakness,
            MongoTemplate mongo) {
        this.repository = repository;
        this.positions = positions;
        this.weakness = weakness;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        migrate();
    }

    /** Returns how many positions changed; 0 when the store was migrated before. */
    int migrate() {
        if (mongo.findById(ID, Document.class, MIGRATIONS) != null) {
            return 0;
        }
        int changed = 0;
        for (var document : repository.findAll()) {
            var data = migrated(document.data());
            if (!data.equals(document.data())) {
                positions.rederive(document, "SCHEME_AMOUNTS_MIGRATED", data);
                changed++;
            }
        }
        try {
            mongo.insert(new Document("_id", ID).append("positions", changed), MIGRATIONS);
        } catch (DuplicateKeyException e) {
            // Another node migrated at the same time; each change was idempotent.
        }
        if (changed > 0) {
            log.info("Scheme amounts: migrated {} stored positions", changed);
        }
        return changed;
    }

    PositionData migrated(PositionData data) {
        var derived = positions.withScheme(data);
        if (!derived.recruitmentWeak() || data.incentives().stream().anyMatch(Incentive::scheme)) {
            return derived;
        }
        int ceiling = positions.schemeFigures(derived).extraMaxNok();
        int total = 0;
        List<Incentive> incentives = new ArrayList<>();
        for (var incentive : data.incentives()) {
            boolean fits = incentive.type() != null && incentive.type().canBeSchemeElement()
                    && (incentive.type() != IncentiveType.SICK_LEAVE_COMPENSATION
                            || data.employmentForm() == EmploymentForm.SELF_EMPLOYED)
                    && total + incentive.amount() <= ceiling;
            if (fits) {
                total += incentive.amount();
            }
            incentives.add(new Incentive(incentive.type(), incentive.annualAmountNok(), incentive.description(), fits));
        }
        return derived.withIncentives(incentives);
    }
}

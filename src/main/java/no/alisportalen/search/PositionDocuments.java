package no.alisportalen.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import no.alisportalen.exposure.ApplicantNeed;
import no.alisportalen.exposure.NeedReason;
import java.util.Map;
import java.util.Objects;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionStatus;
import org.springframework.stereotype.Component;

/**
 * The index document of a position: flat, typed search fields, folded copies for Norwegian-friendly matching,
 * and the public position itself under {@code doc} (stored, not indexed), so results need no MongoDB round trip.
 */
@Component
class PositionDocuments {

    /**
     * The form of {@code doc}: the position as the API writes it, which the API's pages copy as they are
     * (PageWriter). Raised whenever that JSON changes (PositionDocumentsFormatTest holds its fields): a document
     * stored in another form is then written from the bound position until it is indexed again; the index's
     * {@code _meta} holds the number, so the first start with a new one re-sends every position (SearchIndex).
     * 2: sets in natural order (OrderedSets), the same in every JVM. 3: {@code applicantList} (#35).
     */
    static final int DOC_FORMAT = 3;

    private final MunicipalityService municipalities;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    PositionDocuments(MunicipalityService municipalities) {
        this.municipalities = municipalities;
    }

    /** @param need how much the position needs applicants (0 for none; see ApplicantNeed) */
    Map<String, Object> toDocument(Position position, ApplicantNeed need) {
        var d = position.data();
        var doc = new LinkedHashMap<String, Object>();
        doc.put("id", position.id().value());
        doc.put("need", need.need());
        doc.put("needReasons", need.reasons().stream().map(Enum::name).toList());
        doc.put("status", position.status().name());
        doc.put("municipalityNumber", position.municipalityNumber());
        doc.put("municipalityName", position.municipalityName());
        doc.put("countyNumber", municipalities.find(position.municipalityNumber()).map(m -> m.countyNumber()).orElse(""));
        doc.put("countyName", position.countyName());
        doc.put("region", position.region().name());
        doc.put("centrality", position.centrality());
        doc.put("title", d.title());
        doc.put("workplace", d.workplace());
        var description = Folding.htmlToText(d.description());
        doc.put("descriptionText", description);
        var titleLine = String.join(" ", Objects.toString(d.title(), ""), Objects.toString(d.workplace(), ""),
                position.municipalityName());
        doc.put("foldedTitle", Folding.fold(titleLine));
        doc.put("folded", Folding.fold(String.join(" ", titleLine, position.countyName(), description)));
        doc.put("foldedKeywords", java.util.List.of(Folding.fold(position.municipalityName()),
                Folding.fold(position.countyName())));
        if (d.location() != null) {
            doc.put("location", Map.of("lat", d.location().lat(), "lon", d.location().lon()));
        }
        doc.put("employmentForm", d.employmentForm() == null ? null : d.employmentForm().name());
        doc.put("setting", d.setting() == null ? null : d.setting().name());
        doc.put("listLength", d.listLength());
        doc.put("annualSalaryNok", d.annualSalaryNok());
        doc.put("introductionAgreement", d.introductionAgreement());
        doc.put("alisAgreement", d.alisAgreement());
        doc.put("recruitmentWeak", d.recruitmentWeak());
        doc.put("incentiveTypes", d.incentives().stream().map(i -> i.type()).filter(Objects::nonNull)
                .map(IncentiveType::name).distinct().toList());
        doc.put("incentivesTotalNok", d.totalIncentivesNok());
        doc.put("yearlyValue", d.yearlyValue());
        doc.put("supervisorOnSite", d.supervisorOnSite());
        doc.put("supervisionHoursPerMonth", d.supervisionHoursPerMonth());
        doc.put("onCallRotation", d.onCallRotation());
        doc.put("startDate", d.startDate() == null ? null : d.startDate().toString());
        doc.put("applicationDeadline", d.applicationDeadline() == null ? null : d.applicationDeadline().toString());
        doc.put("publishedAt", position.publishedAt() == null ? null : position.publishedAt().toString());
        doc.put("updatedAt", position.updatedAt().toString());
        var stored = json.convertValue(position, Map.class);
        stored.remove("applicantListNotice"); // in the request's language, added by the API (Position)
        doc.put("doc", stored);
        doc.put("docFormat", DOC_FORMAT);
        return doc;
    }

    /**
     * A hit's source as searches read it, bound by Jackson straight from Elasticsearch's response. Reading it as a
     * tree and then binding the tree's {@code doc} was ~14 % of a search's request-thread CPU under load (#14).
     *
     * @param need how much the position needs applicants (0, absent in documents written before it existed: none)
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(Stored doc, double need, @org.jspecify.annotations.Nullable List<NeedReason> needReasons) {

        Position position() {
            return new Position(new PositionId(doc.id), doc.version, doc.status, doc.data, doc.municipalityName,
                    doc.countyName, doc.region, doc.centrality, doc.publishedAt, doc.updatedAt, null);
        }

        ApplicantNeed applicantNeed(PositionId id) {
            return need <= 0 ? ApplicantNeed.none(id)
                    : new ApplicantNeed(id, need, needReasons == null ? List.of() : needReasons, 0, 0);
        }
    }

    /**
     * The position under {@code doc}: its own fields, and its data unwrapped beside them as {@link Position} writes
     * it. A class, not a record: Jackson 2 cannot unwrap into a constructor parameter.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    static final class Stored { // Jackson fills every field; an index document always has them
        public String id;
        public long version;
        public PositionStatus status;
        public String municipalityName;
        public String countyName;
        public Region region;
        public int centrality;
        public @org.jspecify.annotations.Nullable Instant publishedAt;
        public Instant updatedAt;
        @com.fasterxml.jackson.annotation.JsonUnwrapped
        public PositionData data;
    }
}

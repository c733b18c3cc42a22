package no.alisportalen.search;

import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.municipality.GeoPoint;

/**
 * Turns a {@link SearchQuery} into two Elasticsearch requests sent side by side: the page of hits (facet
 * filters in {@code post_filter}) and the facet counts ({@code size=0}, cacheable), where each facet's
 * aggregation applies every filter except its own, which makes the counts disjunctive. Every sort ends with the
 * id, so pages never repeat or skip a position.
 */
final class SearchQueryBuilder {

    /** API facet name → index field. */
    static final Map<String, String> FACETS = Map.of("region", "region", "county", "countyNumber", "employmentForm",
            "employmentForm", "setting", "setting", "incentive", "incentiveTypes", "introductionAgreement",
            "introductionAgreement", "centrality", "centrality");

    /**
     * What a result needs from a hit's source: the stored position and its need. The search fields (the folded
     * copies repeat the whole description) stay behind, which roughly halves what is sent and parsed.
     */
    static final co.elastic.clients.elasticsearch.core.search.SourceConfig RESULT_SOURCE =
            co.elastic.clients.elasticsearch.core.search.SourceConfig.of(s -> s.filter(f -> f.includes("doc",
                    "docFormat", "need", "needReasons")));

    private SearchQueryBuilder() {}

    /** The two requests of one search, built from one set of query parts. */
    record Requests(SearchRequest hits, SearchRequest facets) {}

    /**
     * @param boost the recruitment boost's margin for the relevance order (0: none): relevance is multiplied by
     *     {@code 1 + boost × need}, so a boosted position never passes one more than {@code 1 + boost} times as
     *     relevant; without free text every position is equally relevant and the boost decides before the deadline
     */
    static Requests build(String index, SearchQuery q, LocalDate today, double boost) {
        var parts = parts(q, today);
        return new Requests(hits(index, q, parts, boost), facets(index, parts));
    }

    /** The page of hits alone (also the base of the map's per-municipality counts). */
    static SearchRequest hits(String index, SearchQuery q, LocalDate today) {
        return hits(index, q, parts(q, today), 0);
    }

    /**
     * The facet counts alone: {@code size=0}, so Elasticsearch's shard request cache can answer repeats of the
     * same facet question (other pages, other visitors) until the index changes.
     */
    private static SearchRequest facets(String index, Parts parts) {
        return new SearchRequest.Builder().index(index).query(parts.main()).size(0).requestCache(true)
                .aggregations(parts.aggregations()).build();
    }

    /** The whole search — text, filters and facet filters — as one query, for checking given positions. */
    static Query asOneQuery(SearchQuery q, LocalDate today) {
        var parts = parts(q, today);
        return Query.of(x -> x.bool(b -> b.filter(parts.main()).filter(List.copyOf(parts.facetFilters().values()))));
    }

    private static Parts parts(SearchQuery q, LocalDate today) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("status", "PUBLISHED"));
        filters.add(Query.of(x -> x.range(r -> r.date(d -> d.field("applicationDeadline").gte(today.toString())))));
        if (!q.municipalities().isEmpty()) {
            filters.add(terms("municipalityNumber", q.municipalities()));
        }
        if (q.maxListLength() != null) {
            filters.add(orMissing("listLength", Query.of(x -> x.range(r -> r.number(n -> n.field("listLength")
                    .lte(q.maxListLength().doubleValue()))))));
        }
        if (q.minYearlyValue() != null) {
            filters.add(Query.of(x -> x.range(r -> r.number(n -> n.field("yearlyValue")
                    .gte(q.minYearlyValue().doubleValue())))));
        }
        if (q.minSalary() != null) {
            filters.add(Query.of(x -> x.range(r -> r.number(n -> n.field("annualSalaryNok")
                    .gte(q.minSalary().doubleValue())))));
        }
        if (q.alisAgreement() != null) {
            filters.add(Query.of(x -> x.term(t -> t.field("alisAgreement").value(q.alisAgreement()))));
        }
        if (q.recruitmentWeak() != null) {
            filters.add(Query.of(x -> x.term(t -> t.field("recruitmentWeak").value(q.recruitmentWeak()))));
        }
        if (q.supervisorOnSite() != null) {
            filters.add(Query.of(x -> x.term(t -> t.field("supervisorOnSite").value(q.supervisorOnSite()))));
        }
        if (q.minOnCallRotation() != null) {
            filters.add(orMissing("onCallRotation", Query.of(x -> x.range(r -> r.number(n -> n.field("onCallRotation")
                    .gte(q.minOnCallRotation().doubleValue()))))));
        }
        if (q.centre() != null && q.radiusKm() != null) {
            var centre = q.centre();
            filters.add(Query.of(x -> x.geoDistance(g -> g.field("location").distance(q.radiusKm() + "km")
                    .location(l -> l.latlon(ll -> ll.lat(centre.lat()).lon(centre.lon()))))));
        }

        Map<String, Query> facetFilters = new LinkedHashMap<>();
        if (!q.regions().isEmpty()) {
            facetFilters.put("region", terms("region", q.regions().stream().map(Enum::name).toList()));
        }
        if (!q.counties().isEmpty()) {
            facetFilters.put("county", terms("countyNumber", q.counties()));
        }
        if (!q.employmentForms().isEmpty()) {
            facetFilters.put("employmentForm", terms("employmentForm", q.employmentForms().stream().map(Enum::name).toList()));
        }
        if (!q.settings().isEmpty()) {
            facetFilters.put("setting", terms("setting", q.settings().stream().map(Enum::name).toList()));
        }
        if (!q.incentives().isEmpty()) {
            facetFilters.put("incentive", terms("incentiveTypes", q.incentives().stream().map(Enum::name).toList()));
        }
        if (q.introductionAgreement() != null) {
            facetFilters.put("introductionAgreement",
                    Query.of(x -> x.term(t -> t.field("introductionAgreement").value(q.introductionAgreement()))));
        }
        if (!q.centralities().isEmpty()) {
            facetFilters.put("centrality", Query.of(x -> x.terms(t -> t.field("centrality").terms(v -> v.value(
                    q.centralities().stream().map(c -> FieldValue.of(c.longValue())).toList())))));
        }

        var text = q.text() == null ? "" : q.text().strip();
        Query main = Query.of(x -> x.bool(b -> {
            b.filter(filters);
            if (!text.isEmpty()) {
                b.must(m -> m.multiMatch(mm -> mm.query(Folding.fold(text)).fields("foldedTitle^3", "folded")
                        .fuzziness("AUTO").prefixLength(1).operator(Operator.And)));
            }
            return b;
        }));

        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        FACETS.forEach((facet, field) -> {
            var others = facetFilters.entrySet().stream().filter(e -> !e.getKey().equals(facet)).map(Map.Entry::getValue)
                    .toList();
            aggregations.put(facet, Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(others)))
                    .aggregations("values", v -> v.terms(t -> t.field(field).size(100)))));
        });

        return new Parts(main, facetFilters, aggregations, text);
    }

    private record Parts(Query main, Map<String, Query> facetFilters, Map<String, Aggregation> aggregations,
            String text) {}

    /** The page of hits: query, facet filters as post_filter, sort, highlights; no aggregations. */
    private static SearchRequest hits(String index, SearchQuery q, Parts parts, double boost) {
        var facetFilters = parts.facetFilters();
        var text = parts.text();
        var main = parts.main();
        if (boost > 0 && q.sort() == SearchSort.RELEVANCE) {
            // A filter-only query scores 0; a match_all makes every position's relevance 1 before the boost.
            var base = text.isEmpty() ? Query.of(x -> x.bool(b -> b.must(m -> m.matchAll(a -> a)).filter(parts.main())))
                    : parts.main();
            main = Query.of(x -> x.functionScore(f -> f.query(base).functions(fn -> fn.weight(1.0))
                    .functions(fn -> fn.fieldValueFactor(v -> v.field("need").factor(boost).missing(0.0)))
                    .scoreMode(co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode.Sum)
                    .boostMode(co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode.Multiply)));
        }
        // Counting stops at the deepest page anyone can reach: past that an exact total costs every search.
        var builder = new SearchRequest.Builder().index(index).query(main).from(q.page() * q.size()).size(q.size())
                .trackTotalHits(t -> t.count(SearchQuery.MAX_WINDOW)).sort(sort(q)).source(RESULT_SOURCE);
        if (!facetFilters.isEmpty()) {
            builder.postFilter(p -> p.bool(b -> b.filter(List.copyOf(facetFilters.values()))));
        }
        if (!text.isEmpty()) {
            builder.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                    // The highlighter builds each fuzzy word's automaton again for every hit, and two-edit ones
                    // are costly: with AUTO a one-word search spent 125-215 ms and a two-word one ~600 ms in
                    // highlighting on 100,000 positions, the query itself ~10 ms. One edit up to 11 letters costs
                    // 16-45 ms and still marks most typos ("legesentr", "sykehjm"); the search itself stays as
                    // fuzzy as before. The highlighted fields are not folded, so "oe", "aa", "ae" are also tried
                    // as ø, å, æ ("tromsoe" marks Tromsø). Issue #14.
                    .highlightQuery(hq -> hq.multiMatch(mm -> mm.query(Folding.withNorwegianLetters(text))
                            .fields("title", "workplace", "descriptionText", "municipalityName")
                            .fuzziness("AUTO:3,12").prefixLength(1).maxExpansions(10)))
                    .fields("title", f -> f.numberOfFragments(0))
                    .fields("descriptionText", f -> f.fragmentSize(160).numberOfFragments(2)));
        }
        return builder.build();
    }

    private static List<SortOptions> sort(SearchQuery q) {
        List<SortOptions> sort = new ArrayList<>();
        switch (q.sort()) {
            case RELEVANCE -> {
                sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
                sort.add(field("applicationDeadline", SortOrder.Asc));
            }
            case DEADLINE -> sort.add(field("applicationDeadline", SortOrder.Asc));
            case NEWEST -> sort.add(field("publishedAt", SortOrder.Desc));
            case SALARY -> sort.add(field("annualSalaryNok", SortOrder.Desc));
            case YEARLY_VALUE -> sort.add(field("yearlyValue", SortOrder.Desc));
            case DISTANCE -> {
                GeoPoint centre = q.centre();
                if (centre != null) {
                    sort.add(SortOptions.of(s -> s.geoDistance(g -> g.field("location")
                            .location(l -> l.latlon(ll -> ll.lat(centre.lat()).lon(centre.lon())))
                            .order(SortOrder.Asc).unit(DistanceUnit.Kilometers))));
                }
            }
        }
        sort.add(field("id", SortOrder.Asc));
        return sort;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing("_last")));
    }

    private static Query term(String field, String value) {
        return Query.of(x -> x.term(t -> t.field(field).value(value)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(x -> x.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static Query orMissing(String field, Query condition) {
        return Query.of(x -> x.bool(b -> b.should(condition)
                .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field(field))))).minimumShouldMatch("1")));
    }
}

package no.alisportalen.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;

/**
 * A search as URL query parameters, with the API's names, so a search page URL can be bookmarked, shared and
 * replayed with the back button. Parsing is lenient (a hand-edited URL with a bad value drops that value);
 * the API validates strictly instead.
 */
public final class SearchParameters {

    private SearchParameters() {}

    public static SearchQuery parse(Map<String, List<String>> p, MunicipalityService municipalities, int size) {
        var nearMunicipality = first(p, "nearMunicipality");
        GeoPoint centre = nearMunicipality.flatMap(municipalities::find).map(m -> m.location()).orElse(null);
        var radius = first(p, "radiusKm").flatMap(v -> parse(v, Double::valueOf)).filter(r -> r > 0 && r <= 3000)
                .orElse(null);
        var sort = first(p, "sort").flatMap(SearchSort::parse).filter(s -> s != SearchSort.DISTANCE || centre != null)
                .orElse(SearchSort.RELEVANCE);
        int page = first(p, "page").flatMap(v -> parse(v, Integer::valueOf)).filter(n -> n >= 0 && ((long) n + 1) * size <= SearchQuery.MAX_WINDOW)
                .orElse(0);
        return new SearchQuery(first(p, "q").map(t -> t.length() > SearchQuery.MAX_TEXT
                        ? t.substring(0, SearchQuery.MAX_TEXT) : t).orElse(null), enums(p, "region", Region::valueOf),
                all(p, "county"), all(p, "municipality"), enums(p, "employmentForm", EmploymentForm::valueOf),
                enums(p, "setting", WorkSetting::valueOf), integer(p, "maxListLength"), integer(p, "minSalary"),
                bool(p, "introductionAgreement"), bool(p, "alisAgreement"), bool(p, "recruitmentWeak"),
                bool(p, "supervisorOnSite"), integer(p, "minOnCallRotation"),
                enums(p, "incentive", IncentiveType::valueOf), enums(p, "centrality", Integer::valueOf), centre,
                centre == null ? null : radius, sort, page, size, integer(p, "minYearlyValue"));
    }

    /** The query parameters of a search; {@code nearMunicipality} is passed separately as the UI knows it. */
    public static Map<String, List<String>> toParameters(SearchQuery q, @Nullable String nearMunicipality) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            p.put("q", List.of(q.text().strip()));
        }
        put(p, "region", q.regions().stream().map(Enum::name).toList());
        put(p, "county", q.counties());
        put(p, "municipality", q.municipalities());
        put(p, "employmentForm", q.employmentForms().stream().map(Enum::name).toList());
        put(p, "setting", q.settings().stream().map(Enum::name).toList());
        put(p, "maxListLength", q.maxListLength());
        put(p, "minSalary", q.minSalary());
        put(p, "minYearlyValue", q.minYearlyValue());
        put(p, "introductionAgreement", q.introductionAgreement());
        put(p, "alisAgreement", q.alisAgreement());
        put(p, "recruitmentWeak", q.recruitmentWeak());
        put(p, "supervisorOnSite", q.supervisorOnSite());
        put(p, "minOnCallRotation", q.minOnCallRotation());
        put(p, "incentive", q.incentives().stream().map(Enum::name).toList());
        put(p, "centrality", q.centralities().stream().map(String::valueOf).toList());
        if (nearMunicipality != null) {
            p.put("nearMunicipality", List.of(nearMunicipality));
            put(p, "radiusKm", q.radiusKm() == null ? null : (Object) q.radiusKm().intValue());
        }
        if (q.sort() != SearchSort.RELEVANCE) {
            p.put("sort", List.of(q.sort().apiName()));
        }
        if (q.page() > 0) {
            p.put("page", List.of(Integer.toString(q.page())));
        }
        return p;
    }

    private static void put(Map<String, List<String>> p, String name, List<String> values) {
        if (!values.isEmpty()) {
            p.put(name, values);
        }
    }

    private static void put(Map<String, List<String>> p, String name, @Nullable Object value) {
        if (value != null) {
            p.put(name, List.of(value.toString()));
        }
    }

    private static Optional<String> first(Map<String, List<String>> p, String name) {
        return p.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static List<String> all(Map<String, List<String>> p, String name) {
        return p.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static <T> List<T> enums(Map<String, List<String>> p, String name, Function<String, T> parser) {
        List<T> values = new ArrayList<>();
        for (var value : all(p, name)) {
            parse(value, parser).ifPresent(values::add);
        }
        return values;
    }

    private static @Nullable Integer integer(Map<String, List<String>> p, String name) {
        return first(p, name).flatMap(v -> parse(v, Integer::valueOf)).orElse(null);
    }

    private static @Nullable Boolean bool(Map<String, List<String>> p, String name) {
        return first(p, name).filter(v -> v.equals("true") || v.equals("false")).map(Boolean::valueOf).orElse(null);
    }

    private static <T> Optional<T> parse(String value, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(value.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

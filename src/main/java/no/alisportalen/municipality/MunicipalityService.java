package no.alisportalen.municipality;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** Read-only access to the municipality reference data. */
@Service
public class MunicipalityService {

    static final String RESOURCE = "reference/municipalities.csv";

    private final Map<String, Municipality> byNumber;
    private final List<County> counties;

    public MunicipalityService() {
        this.byNumber = load();
        Map<String, County> countyMap = new TreeMap<>();
        byNumber.values().forEach(m -> countyMap.putIfAbsent(m.countyNumber(), new County(m.countyNumber(), m.countyName())));
        this.counties = List.copyOf(countyMap.values());
    }

    /** All municipalities, ordered by number. */
    public List<Municipality> all() {
        return List.copyOf(byNumber.values());
    }

    public Optional<Municipality> find(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    public boolean exists(String number) {
        return byNumber.containsKey(number);
    }

    /**
     * The one place a municipality number from outside becomes the stored value: Unicode-normalised (full-width
     * digits become ASCII), surrounding white space of any kind removed, then looked up exactly. Every scope
     * check runs on this result, so what is checked is what is stored.
     *
     * @return the known number, or empty when the input does not normalise to one (leading zeros, letters, …)
     */
    public Optional<String> canonicalNumber(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var normal = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
        return byNumber.containsKey(normal) ? Optional.of(normal) : Optional.empty();
    }

    public List<County> counties() {
        return counties;
    }

    public List<Municipality> inRegion(Region region) {
        return byNumber.values().stream().filter(m -> m.region() == region).toList();
    }

    /** Municipalities ordered by name, Norwegian collation, for pickers. */
    public List<Municipality> byName() {
        var collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("nb"));
        return byNumber.values().stream().sorted(Comparator.comparing(Municipality::name, collator)).toList();
    }

    private static Map<String, Municipality> load() {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var reader = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8);
                var parser = format.parse(reader)) {
            Map<String, Municipality> result = new LinkedHashMap<>();
            for (CSVRecord row : parser) {
                var municipality = toMunicipality(row);
                result.put(municipality.number(), municipality);
            }
            var sorted = new TreeMap<String, Municipality>(result);
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static Municipality toMunicipality(CSVRecord row) {
        var office = row.get("alis_office");
        var region = Region.byOfficeTown(office)
                .orElseThrow(() -> new IllegalStateException("Unknown ALIS office '" + office + "' in row " + row.getRecordNumber()));
        return new Municipality(
                row.get("kommunenummer"),
                row.get("name"),
                row.get("county_number"),
                row.get("county_name"),
                region,
                Integer.parseInt(row.get("centrality")),
                Integer.parseInt(row.get("population")),
                new GeoPoint(Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon"))));
    }
}

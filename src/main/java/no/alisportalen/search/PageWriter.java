package no.alisportalen.search;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.alisportalen.municipality.GeoPoint;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the API's page of results straight from Elasticsearch's hits response, in one pass: each hit's stored
 * {@code doc} is the position as the API writes it (PositionDocuments), so its fields are copied token by token
 * instead of being bound into a position and written again. Binding the response and writing the page were ~19 %
 * of a search's request-thread CPU under load (#14). The result equals what the API writes from a
 * {@link SearchResult} (PageWriterIntegrationTest compares them); a response not shaped as expected is refused
 * with {@link UnexpectedShape}, and the caller takes the bound path.
 */
final class PageWriter {

    /** The response was not what this writer reads; nothing was sent anywhere. */
    static final class UnexpectedShape extends RuntimeException {
        UnexpectedShape(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonMapper json;

    PageWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param hits the hits response's JSON
     * @param query the question, for the page's number and size and each hit's distance from its centre
     * @param boosted whether the recruitment boost applied, so needs are shown
     * @param facets the facet counts, asked for once the hits are written
     */
    RenderedPage write(InputStream hits, SearchQuery query, boolean boosted,
            Supplier<Map<String, List<FacetValue>>> facets) {
        var out = new ByteArrayOutputStream(64 * 1024);
        List<PositionId> ids = new ArrayList<>();
        try (JsonParser parser = json.createParser(hits); JsonGenerator page = json.createGenerator(out)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            boolean seen = false;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                parser.nextToken();
                if (name.equals("hits")) {
                    writeHits(parser, page, query, boosted, ids, facets);
                    seen = true;
                } else {
                    parser.skipChildren();
                }
            }
            if (!seen) {
                throw new UnexpectedShape("no hits");
            }
        }
        return RenderedPage.of(out.toByteArray(), ids);
    }

    private void writeHits(JsonParser parser, JsonGenerator page, SearchQuery query, boolean boosted,
            List<PositionId> ids, Supplier<Map<String, List<FacetValue>>> facets) {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        long total = -1;
        boolean capped = false;
        boolean written = false;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            var token = parser.nextToken();
            switch (name) {
                case "total" -> {
                    expect(token, JsonToken.START_OBJECT);
                    for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                        parser.nextToken();
                        if (field.equals("value")) {
                            total = parser.getLongValue();
                        } else if (field.equals("relation")) {
                            capped = parser.getString().equals("gte");
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                case "hits" -> {
                    // Elasticsearch writes the total first; the page begins with it.
                    if (total < 0) {
                        throw new UnexpectedShape("hits before their total");
                    }
                    expect(token, JsonToken.START_ARRAY);
                    page.writeStartObject();
                    page.writeNumberProperty("total", total);
                    page.writeNumberProperty("page", query.page());
                    page.writeNumberProperty("size", query.size());
                    page.writeName("items");
                    page.writeStartArray();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        writeHit(parser, page, query.centre(), boosted, ids);
                    }
                    page.writeEndArray();
                    page.writeName("facets");
                    json.writeValue(page, facets.get());
                    if (capped) {
                        page.writeBooleanProperty("totalCapped", true);
                    }
                    page.writeEndObject();
                    written = true;
                }
                default -> parser.skipChildren();
            }
        }
        if (!written) {
            throw new UnexpectedShape("no hits array");
        }
    }

    /** One hit as a SearchHit: the position's fields, then distance, highlights and need. */
    private void writeHit(JsonParser parser, JsonGenerator page, @Nullable GeoPoint centre, boolean boosted,
            List<PositionId> ids) {
        page.writeStartObject();
        double need = 0;
        List<String> reasons = List.of();
        @Nullable JsonNode highlight = null;
        @Nullable GeoPoint location = null;
        boolean doc = false;
        int format = -1;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            var token = parser.nextToken();
            if (name.equals("_source")) {
                expect(token, JsonToken.START_OBJECT);
                for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                    token = parser.nextToken();
                    switch (field) {
                        case "doc" -> {
                            expect(token, JsonToken.START_OBJECT);
                            location = copyPosition(parser, page, ids);
                            doc = true;
                        }
                        case "docFormat" -> format = token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue()
                                : -1;
                        case "need" -> need = token == JsonToken.VALUE_NULL ? 0 : parser.getValueAsDouble();
                        case "needReasons" -> reasons = strings(parser, token);
                        default -> parser.skipChildren();
                    }
                }
            } else if (name.equals("highlight")) {
                highlight = parser.readValueAsTree();
            } else {
                parser.skipChildren();
            }
        }
        if (!doc) {
            throw new UnexpectedShape("a hit without its position");
        }
        if (format != PositionDocuments.DOC_FORMAT) {
            throw new UnexpectedShape("a position stored in another form (" + format + ") than the API's ("
                    + PositionDocuments.DOC_FORMAT + "); it is written from the bound result until indexed again");
        }
        var distance = SearchHit.distanceKm(centre, location);
        if (distance != null) {
            page.writeNumberProperty("distanceKm", distance);
        }
        if (highlight != null && highlight.isObject() && !highlight.isEmpty()) {
            page.writeName("highlight");
            page.writeTree(highlight);
        }
        boolean needs = boosted && need > 0;
        page.writeBooleanProperty("needsApplicants", needs);
        if (needs && !reasons.isEmpty()) {
            page.writeName("needReasons");
            page.writeStartArray();
            for (var reason : reasons) {
                page.writeString(reason);
            }
            page.writeEndArray();
        }
        page.writeEndObject();
    }

    /** Copies the stored position's fields into the open item; returns its location. */
    private static @Nullable GeoPoint copyPosition(JsonParser parser, JsonGenerator page, List<PositionId> ids) {
        @Nullable GeoPoint location = null;
        boolean id = false;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            var token = parser.nextToken();
            page.writeName(field);
            if (field.equals("id") && token == JsonToken.VALUE_STRING) {
                var value = parser.getString();
                ids.add(new PositionId(value));
                page.writeString(value);
                id = true;
            } else if (field.equals("location") && token == JsonToken.START_OBJECT) {
                double lat = Double.NaN;
                double lon = Double.NaN;
                page.writeStartObject();
                for (String part = parser.nextName(); part != null; part = parser.nextName()) {
                    parser.nextToken();
                    page.writeName(part);
                    page.copyCurrentStructure(parser);
                    if (part.equals("lat")) {
                        lat = parser.getValueAsDouble(Double.NaN);
                    } else if (part.equals("lon")) {
                        lon = parser.getValueAsDouble(Double.NaN);
                    }
                }
                page.writeEndObject();
                if (!Double.isNaN(lat) && !Double.isNaN(lon)) {
                    location = new GeoPoint(lat, lon);
                }
            } else {
                page.copyCurrentStructure(parser);
            }
        }
        if (!id) {
            throw new UnexpectedShape("a position without its id");
        }
        return location;
    }

    private static List<String> strings(JsonParser parser, @Nullable JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (var element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element == JsonToken.VALUE_STRING) {
                values.add(parser.getString());
            } else {
                parser.skipChildren();
            }
        }
        return values;
    }

    /**
     * The facet counts of a facets response: each named filter aggregation's {@code values} terms, in the order
     * given, keyed as the API shows them (a boolean's or number's key as text). Aggregation names may carry the
     * type prefix the client asks for ({@code filter#region}, {@code sterms#values}).
     */
    Map<String, List<FacetValue>> facets(InputStream response, List<String> names) {
        var aggregations = json.readTree(response).get("aggregations");
        if (aggregations == null || !aggregations.isObject()) {
            throw new UnexpectedShape("no aggregations");
        }
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        aggregations.properties().forEach(e -> byName.put(untyped(e.getKey()), e.getValue()));
        Map<String, List<FacetValue>> facets = new java.util.LinkedHashMap<>();
        for (var name : names) {
            var facet = byName.get(name);
            if (facet == null) {
                throw new UnexpectedShape("no facet " + name);
            }
            JsonNode values = null;
            for (var e : facet.properties()) {
                if (untyped(e.getKey()).equals("values")) {
                    values = e.getValue();
                }
            }
            List<FacetValue> counts = new ArrayList<>();
            if (values != null) {
                for (var bucket : values.path("buckets")) {
                    var key = bucket.has("key_as_string") ? bucket.get("key_as_string") : bucket.get("key");
                    counts.add(new FacetValue(key == null ? "" : key.asString(), bucket.path("doc_count").asLong()));
                }
            }
            facets.put(name, counts);
        }
        return facets;
    }

    private static String untyped(String name) {
        return name.substring(name.indexOf('#') + 1);
    }

    private static void expect(@Nullable JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new UnexpectedShape("expected " + expected + ", found " + actual);
        }
    }
}

package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the index that narrows a query most: equality ({@code value}, {@code $eq}, {@code $in}) on a prefix of
 * its keys, optionally followed by one range ({@code $gt/$gte/$lt/$lte}) on the next key. The index only yields
 * candidates; the query matcher still checks every candidate document against the whole query, so a plan may
 * over-approximate but never drop a match.
 */
final class QueryPlanner {

    /** More $in combinations than this are cheaper to scan than to look up. */
    private static final int MAX_PREFIXES = 1_000;
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    record Plan(SqliteIndex index, List<byte[][]> ranges, int score) {
    }

    private sealed interface Condition {
    }

    private record Equal(List<@Nullable Object> values) implements Condition {
    }

    private record Range(@Nullable Object low, boolean lowInclusive, @Nullable Object high, boolean highInclusive)
            implements Condition {
    }

    private QueryPlanner() {
    }

    static Optional<Plan> plan(Document query, List<SqliteIndex> indexes) {
        var conditions = conditions(query);
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        Plan best = null;
        for (var index : indexes) {
            var plan = plan(index, conditions);
            if (plan != null && (best == null || plan.score() > best.score())) {
                best = plan;
            }
        }
        return Optional.ofNullable(best);
    }

    private static @Nullable Plan plan(SqliteIndex index, Map<String, Condition> conditions) {
        List<byte[]> prefixes = List.of(new byte[0]);
        int equalities = 0;
        List<byte[][]> ranges = null;
        for (String field : index.fields()) {
            var condition = conditions.get(field);
            if (condition instanceof Equal equal) {
                if (index.sparse() && equal.values().contains(null)) {
                    break;
                }
                if ((long) prefixes.size() * equal.values().size() > MAX_PREFIXES) {
                    break;
                }
                List<byte[]> next = new ArrayList<>();
                for (byte[] prefix : prefixes) {
                    for (Object value : equal.values()) {
                        next.add(IndexKeys.concat(prefix, IndexKeys.component(value)));
                    }
                }
                prefixes = next;
                equalities++;
            } else if (condition instanceof Range range && !index.sparse()) {
                ranges = new ArrayList<>();
                for (byte[] prefix : prefixes) {
                    ranges.add(range(prefix, range));
                }
                break;
            } else {
                break;
            }
        }
        if (equalities == 0 && ranges == null) {
            return null;
        }
        boolean ranged = ranges != null;
        if (!ranged) {
            ranges = prefixes.stream().map(p -> new byte[][] {p, IndexKeys.append(p, IndexKeys.END)}).toList();
        }
        // A unique index hit on every key is one document; otherwise longer equality prefixes narrow more.
        boolean exact = index.isUnique() && equalities == index.fields().size();
        int score = (exact ? 1_000 : 0) + equalities * 10 + (ranged ? 5 : 0);
        return new Plan(index, ranges, score);
    }

    private static byte[][] range(byte[] prefix, Range range) {
        Object typed = range.low() != null ? range.low() : range.high();
        byte tag = IndexKeys.tag(typed);
        byte[] low = range.low() == null ? IndexKeys.append(prefix, tag)
                : range.lowInclusive() ? IndexKeys.concat(prefix, IndexKeys.component(range.low()))
                : IndexKeys.append(IndexKeys.concat(prefix, IndexKeys.component(range.low())), IndexKeys.END);
        byte[] high = range.high() == null ? IndexKeys.append(prefix, (byte) (tag + 1))
                : range.highInclusive()
                        ? IndexKeys.append(IndexKeys.concat(prefix, IndexKeys.component(range.high())), IndexKeys.END)
                        : IndexKeys.concat(prefix, IndexKeys.component(range.high()));
        return new byte[][] {low, high};
    }

    /** Field conditions an index can serve, from the top level and from {@code $and} (first one per field wins). */
    private static Map<String, Condition> conditions(Document query) {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        collect(query, conditions);
        return conditions;
    }

    private static void collect(Document query, Map<String, Condition> conditions) {
        for (var entry : query.entrySet()) {
            String field = entry.getKey();
            if (field.equals("$and") && entry.getValue() instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collect(document, conditions);
                    }
                }
            } else if (!field.startsWith("$") && !conditions.containsKey(field)) {
                var condition = condition(entry.getValue());
                if (condition != null) {
                    conditions.put(field, condition);
                }
            }
        }
    }

    private static @Nullable Condition condition(@Nullable Object value) {
        if (value instanceof Document document) {
            if (document.isEmpty() || !document.keySet().stream().allMatch(k -> k.startsWith("$"))) {
                return null;
            }
            if (document.keySet().equals(Set.of("$eq"))) {
                return condition(document.get("$eq")) instanceof Equal equal ? equal : null;
            }
            if (document.keySet().equals(Set.of("$in")) && document.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(QueryPlanner::equalityValue)) {
                return new Equal(new ArrayList<>(values));
            }
            if (RANGE_OPERATORS.containsAll(document.keySet())) {
                return range(document);
            }
            return null;
        }
        return equalityValue(value) ? new Equal(java.util.Collections.singletonList(value)) : null;
    }

    private static boolean equalityValue(@Nullable Object value) {
        return !(value instanceof BsonRegularExpression || value instanceof Pattern || value instanceof Collection
                || value instanceof Document) && IndexKeys.searchable(value);
    }

    private static @Nullable Range range(Document document) {
        Object low = null;
        Object high = null;
        boolean lowInclusive = false;
        boolean highInclusive = false;
        for (var entry : document.entrySet()) {
            if (!IndexKeys.rangeable(entry.getValue())) {
                return null;
            }
            switch (entry.getKey()) {
                case "$gt", "$gte" -> {
                    low = entry.getValue();
                    lowInclusive = entry.getKey().equals("$gte");
                }
                default -> {
                    high = entry.getValue();
                    highInclusive = entry.getKey().equals("$lte");
                }
            }
        }
        if (low != null && high != null && IndexKeys.tag(low) != IndexKeys.tag(high)) {
            return null;
        }
        return new Range(low, lowInclusive, high, highInclusive);
    }

    /** A query's shape without its values, for the log line of a scan. */
    static String shape(Object query) {
        if (query instanceof Document document) {
            return document.entrySet().stream()
                    .map(e -> e.getKey() + ": " + (e.getKey().startsWith("$") || e.getValue() instanceof Document
                            || e.getValue() instanceof Collection ? shape(e.getValue()) : "?"))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (query instanceof Collection<?> values) {
            return values.stream().map(QueryPlanner::shape).collect(Collectors.joining(", ", "[", "]"));
        }
        return "?";
    }
}

package no.alisportalen.base;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Immutable sets that iterate in natural order (an enum's declaration order, strings alphabetically). {@code
 * Set.copyOf} iterates in an order salted per JVM, so the same record would be written as differently ordered JSON
 * arrays by two processes or before and after a restart; the API, the stored search documents and their tests
 * need one order.
 */
public final class OrderedSets {

    private OrderedSets() {
    }

    /** An empty set for null; null elements are refused, as {@code Set.copyOf} refuses them. */
    public static <E extends Comparable<? super E>> Set<E> copyOf(@Nullable Collection<E> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(values.stream().sorted().toList()));
    }
}

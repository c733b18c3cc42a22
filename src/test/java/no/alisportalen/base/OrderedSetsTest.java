package no.alisportalen.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderedSetsTest {

    enum Colour { RED, GREEN, BLUE, YELLOW }

    @Test
    void a_set_iterates_in_natural_order_whatever_order_it_was_given_in() {
        var given = new ArrayList<>(List.of(Colour.YELLOW, Colour.RED, Colour.BLUE, Colour.GREEN));
        for (int i = 0; i < given.size(); i++) {
            java.util.Collections.rotate(given, 1);
            assertThat(OrderedSets.copyOf(given)).containsExactly(Colour.RED, Colour.GREEN, Colour.BLUE,
                    Colour.YELLOW);
            assertThat(OrderedSets.copyOf(Set.copyOf(given))).containsExactly(Colour.RED, Colour.GREEN, Colour.BLUE,
                    Colour.YELLOW);
        }
        assertThat(OrderedSets.copyOf(List.of("Vadsø", "Alta", "Bodø", "Alta"))).containsExactly("Alta", "Bodø",
                "Vadsø");
    }

    @Test
    void null_and_empty_are_an_empty_set_and_the_result_cannot_be_changed() {
        assertThat(OrderedSets.<Colour>copyOf(null)).isEmpty();
        assertThat(OrderedSets.copyOf(List.<Colour>of())).isEmpty();
        var set = OrderedSets.copyOf(List.of(Colour.RED));
        assertThatThrownBy(() -> set.add(Colour.BLUE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> OrderedSets.copyOf(Arrays.asList(Colour.RED, null)))
                .isInstanceOf(NullPointerException.class);
    }
}

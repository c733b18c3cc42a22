package no.alisportalen.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void great_circle_distance_oslo_to_bergen_is_about_305_km() {
        var oslo = new GeoPoint(59.91273, 10.74609);
        var bergen = new GeoPoint(60.39299, 5.32415);
        assertThat(oslo.distanceKm(bergen)).isCloseTo(305, within(5.0));
        assertThat(oslo.distanceKm(oslo)).isZero();
    }

    @Test
    void rejects_coordinates_outside_the_globe() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

package no.alisportalen.demo;

import java.time.LocalDate;
import java.util.List;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.position.PositionData;

/** The demo generator's positions at another scale, for simulations in other packages' tests. */
public final class DemoMarket {

    private DemoMarket() {}

    public static List<PositionData> positions(List<Municipality> municipalities, LocalDate today, int count,
            long seed) {
        return DemoPositions.plan(municipalities, today, count, seed).stream().map(DemoPositions.Planned::data)
                .toList();
    }
}

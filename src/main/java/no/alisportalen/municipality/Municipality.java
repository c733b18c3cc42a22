package no.alisportalen.municipality;

/**
 * One municipality as in the public API's reference data.
 *
 * @param number four-digit municipality number (kommunenummer), e.g. {@code 1804}
 * @param centrality SSB centrality class, 1 (most central) to 6 (least central)
 */
public record Municipality(
        String number,
        String name,
        String countyNumber,
        String countyName,
        Region region,
        int centrality,
        int population,
        GeoPoint location) {

    public Municipality {
        if (!number.matches("\\d{4}")) {
            throw new IllegalArgumentException("Municipality number must have four digits: " + number);
        }
        if (centrality < 1 || centrality > 6) {
            throw new IllegalArgumentException("Centrality must be 1-6: " + centrality);
        }
    }
}

package no.alisportalen.municipality;

import java.util.Arrays;
import java.util.Optional;

/** The six regional ALIS offices; every municipality belongs to exactly one. */
public enum Region {
    NORD("Bodø"),
    MIDT("Trondheim"),
    VEST("Bergen"),
    SOR("Kristiansand"),
    OST("Hamar"),
    OSLO("Oslo");

    private final String officeTown;

    Region(String officeTown) {
        this.officeTown = officeTown;
    }

    /** The town where the region's ALIS office sits, as written in the reference data. */
    public String officeTown() {
        return officeTown;
    }

    public static Optional<Region> byOfficeTown(String town) {
        return Arrays.stream(values()).filter(r -> r.officeTown.equalsIgnoreCase(town.strip())).findFirst();
    }
}

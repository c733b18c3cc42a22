package no.alisportalen.exposure;

/** Counts of one position (or a sum of several) over some period. */
public record Exposure(long impressions, long views, long applyClicks) {

    public static final Exposure NONE = new Exposure(0, 0, 0);

    public Exposure plus(Exposure other) {
        return new Exposure(impressions + other.impressions, views + other.views, applyClicks + other.applyClicks);
    }
}

package no.alisportalen.search.ui;

import com.vaadin.flow.component.Svg;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.alisportalen.municipality.Municipality;

/**
 * A map that works offline: every municipality is a small grey dot at its coordinates (together they draw the
 * country), and municipalities with matching positions are marked in colour, sized by how many. Each marker is
 * a keyboard-focusable link that narrows the search to that municipality and has a text title. No tiles, no
 * scripts, no npm package.
 */
final class NorwayMap {

    private static final double MIN_LAT = 57.8;
    private static final double MAX_LAT = 71.3;
    private static final double MIN_LON = 4.4;
    private static final double MAX_LON = 31.3;
    private static final double LON_SCALE = Math.cos(Math.toRadians(65));
    private static final double SCALE = 34;

    private NorwayMap() {}

    /**
     * @param linkFor the search URL that narrows to one municipality
     * @param titleFor the accessible text of a marker, e.g. "Bodø: 3 stillinger"
     */
    static Svg render(List<Municipality> all, Map<String, Long> counts, String label,
            java.util.function.Function<Municipality, String> linkFor,
            java.util.function.BiFunction<Municipality, Long, String> titleFor) {
        double width = (MAX_LON - MIN_LON) * LON_SCALE * SCALE;
        double height = (MAX_LAT - MIN_LAT) * SCALE;
        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"group\" aria-label=\"%s\""
                        + " class=\"norway-map\">", width, height, escape(label)));
        for (var m : all) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.6\" class=\"map-base\"/>",
                    x(m), y(m)));
        }
        for (var m : all) {
            var count = counts.get(m.number());
            if (count == null || count == 0) {
                continue;
            }
            double r = 3 + 2.2 * Math.sqrt(count);
            svg.append("<a href=\"").append(escape(linkFor.apply(m))).append("\" class=\"map-marker\">")
                    .append("<title>").append(escape(titleFor.apply(m, count))).append("</title>")
                    .append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", x(m), y(m), r))
                    .append("</a>");
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    static double x(Municipality m) {
        return (m.location().lon() - MIN_LON) * LON_SCALE * SCALE;
    }

    static double y(Municipality m) {
        return (MAX_LAT - m.location().lat()) * SCALE;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

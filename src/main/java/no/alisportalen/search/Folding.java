package no.alisportalen.search;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Norwegian-friendly folding done by the portal, because the embedded distribution has neither language
 * analyzers nor asciifolding: lower case, æ→ae, ø/ö→o, å→a, other accents stripped. The indexer stores folded
 * copies and queries are folded the same way, so "tromso", "tromsö" and "TROMSØ" all find Tromsø — on every
 * Elasticsearch distribution alike.
 */
final class Folding {

    private Folding() {}

    static String fold(@Nullable String text) {
        if (text == null) {
            return "";
        }
        var lower = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("ö", "o")
                .replace("å", "a").replace("ä", "ae").replace("ü", "u").replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /**
     * The text followed by its words spelled with Norwegian letters where a keyboard without them gives "oe",
     * "aa" or "ae" ("tromsoe" → "tromsoe tromsø"): for matching text that is not folded.
     */
    static String withNorwegianLetters(String text) {
        var spelled = new StringBuilder(text);
        for (var word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            var norwegian = word.replace("oe", "ø").replace("aa", "å").replace("ae", "æ");
            if (!norwegian.equals(word)) {
                spelled.append(' ').append(norwegian);
            }
        }
        return spelled.toString();
    }

    /** Visible text of sanitized description HTML. */
    static String htmlToText(@Nullable String html) {
        if (html == null) {
            return "";
        }
        return html.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@")
                .replace("&#96;", "`").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}

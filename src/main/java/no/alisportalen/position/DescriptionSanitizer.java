package no.alisportalen.position;

import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Descriptions are plain text or basic formatting. OWASP's sanitizer keeps paragraphs, lists, emphasis, headings
 * and http(s)/mailto links (with rel=nofollow noopener) and drops everything active: scripts, event handlers,
 * styles, iframes, javascript: URLs. Plain text keeps its paragraphs and line breaks.
 */
public final class DescriptionSanitizer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr").allowUrlProtocols("https", "http", "mailto")
                    .requireRelsOnLinks("noopener", "nofollow").toFactory());

    private static final java.util.regex.Pattern BLOCK_MARKUP =
            java.util.regex.Pattern.compile("(?i)<(p|br|ul|ol|li|h[1-6]|div|blockquote)\\b");

    private DescriptionSanitizer() {}

    /** Sanitized HTML for a plain-text or basic-HTML description; null when blank. */
    public static @Nullable String clean(@Nullable String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        var input = description.strip().replace("\r\n", "\n");
        if (!BLOCK_MARKUP.matcher(input).find()) {
            // Plain text (perhaps with inline tags): blank lines become paragraphs, single newlines breaks.
            input = "<p>" + input.replaceAll("\n{2,}", "</p><p>").replace("\n", "<br>") + "</p>";
        }
        return POLICY.sanitize(input);
    }
}

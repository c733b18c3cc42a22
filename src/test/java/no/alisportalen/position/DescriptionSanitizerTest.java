package no.alisportalen.position;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionSanitizerTest {

    @Test
    void scripts_handlers_and_javascript_links_never_survive() {
        var dirty = "<p onclick=\"x()\">Hei<script>alert(1)</script></p><img src=x onerror=alert(1)>"
                + "<a href=\"javascript:alert(1)\">lenke</a><iframe src=\"https://evil\"></iframe><style>*{}</style>";
        var clean = DescriptionSanitizer.clean(dirty);
        assertThat(clean).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("iframe").doesNotContainIgnoringCase("<style").doesNotContain("<img");
        assertThat(clean).contains("Hei").contains("lenke");
    }

    @Test
    void basic_formatting_and_safe_links_are_kept() {
        var clean = DescriptionSanitizer.clean("<p><strong>Fast</strong> lønn</p><ul><li>Veiledning</li></ul>"
                + "<a href=\"https://bodo.kommune.no\">Les mer</a>");
        assertThat(clean).contains("<strong>Fast</strong>").contains("<li>Veiledning</li>")
                .contains("href=\"https://bodo.kommune.no\"").contains("rel=\"");
    }

    @Test
    void plain_text_keeps_paragraphs_and_escapes_markup_characters() {
        assertThat(DescriptionSanitizer.clean("Første avsnitt.\n\nAndre linje 1\nlinje 2 & 3 > 2"))
                .isEqualTo("<p>Første avsnitt.</p><p>Andre linje 1<br />linje 2 &amp; 3 &gt; 2</p>");
        assertThat(DescriptionSanitizer.clean("   ")).isNull();
    }
}

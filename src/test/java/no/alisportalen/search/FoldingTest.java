package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void norwegian_letters_and_accents_fold_to_plain_ascii_in_lower_case() {
        assertThat(Folding.fold("TROMSØ")).isEqualTo("tromso");
        assertThat(Folding.fold("tromsö")).isEqualTo("tromso");
        assertThat(Folding.fold("Tromsø")).isEqualTo(Folding.fold("tromso"));
        assertThat(Folding.fold("Ålesund Bærum")).isEqualTo("alesund baerum");
        assertThat(Folding.fold("Guovdageaidnu–Kautokeino é")).isEqualTo("guovdageaidnu–kautokeino e");
        assertThat(Folding.fold(null)).isEmpty();
    }

    @Test
    void words_typed_without_norwegian_letters_are_also_spelled_with_them() {
        assertThat(Folding.withNorwegianLetters("Tromsoe legesenter")).isEqualTo("Tromsoe legesenter tromsø");
        assertThat(Folding.withNorwegianLetters("aalesund baerum")).isEqualTo("aalesund baerum ålesund bærum");
        assertThat(Folding.withNorwegianLetters("bergen")).isEqualTo("bergen");
    }

    @Test
    void description_html_becomes_plain_text() {
        assertThat(Folding.htmlToText("<p>Fast &amp; trygg</p><p>A&lt;B</p>")).isEqualTo("Fast & trygg A<B");
    }
}

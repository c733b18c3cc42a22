package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cached page comes back byte for byte, plain and compressed, both ways a client can ask for it. */
class RenderedPageTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 17, 8_192, 65_536, 300_001})
    void a_page_inflates_to_the_json_it_was_made_of_and_is_valid_gzip(int length) throws Exception {
        var random = new Random(length);
        for (boolean compressible : List.of(true, false)) {
            var json = new byte[length];
            if (compressible) { // JSON-like: a few symbols repeated
                for (int i = 0; i < length; i++) {
                    json[i] = (byte) "{\"title\":\"ALIS\"},".charAt(random.nextInt(4) == 0 ? random.nextInt(16) : i % 16);
                }
            } else {
                random.nextBytes(json);
            }
            var plain = RenderedPage.of(json, List.of());
            assertThat(plain.gzipped()).isFalse();
            assertThat(plain.json()).isEqualTo(json);
            var page = plain.compressed();
            assertThat(page.gzipped()).isTrue();
            assertThat(page.jsonLength()).isEqualTo(length);
            assertThat(page.json()).isEqualTo(json);
            assertThat(page.compressed()).isSameAs(page);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(page.bytes()))) {
                assertThat(in.readAllBytes()).as("what a gzip client receives").isEqualTo(json);
            }
        }
    }
}

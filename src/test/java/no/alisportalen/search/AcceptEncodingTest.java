package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** When the search API may send its cached page compressed (RFC 9110 content codings). */
class AcceptEncodingTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "'' | false",
        "gzip | true",
        "GZIP | true",
        "x-gzip | true",
        "br, gzip;q=0.8 | true",
        "gzip;q=0 | false",
        "gzip; q=0.000 | false",
        "gzip;q=0.001 | true",
        "identity | false",
        "br | false",
        "* | true",
        "*;q=0 | false",
        "*;q=0, gzip | true",
        "gzip;q=0, * | false"})
    void gzip_is_sent_only_to_a_client_that_accepts_it(String header, boolean expected) {
        var request = new MockHttpServletRequest("GET", "/api/v1/positions");
        if (!header.isEmpty()) {
            request.addHeader("Accept-Encoding", header);
        }
        assertThat(SearchController.acceptsGzip(request)).isEqualTo(expected);
    }
}

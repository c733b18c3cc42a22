package no.alisportalen.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages have every key, and no view hard-codes text a user reads. */
class I18nBundlesInSyncTest {

    private static final Pattern HARD_CODED = Pattern.compile(
            "(setText|setLabel|setHeader|setTitle|setPlaceholder|setHelperText|setErrorMessage|Notification\\.show)"
                    + "\\(\\s*\"[^\"]*\\p{L}{2,}|new (Button|H[1-6]|Span|Paragraph|Anchor\\([^,]+,)\\s*\\(?\\s*\"\\p{L}");

    @Test
    void norwegian_and_english_bundles_have_the_same_keys_and_no_empty_values() throws IOException {
        var nb = load("i18n/messages.properties");
        var en = load("i18n/messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(nb.stringPropertyNames());
        nb.forEach((k, v) -> assertThat(v.toString()).as("nb " + k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
    }

    @Test
    void no_key_is_defined_twice_in_a_bundle() throws IOException {
        for (var file : java.util.List.of("src/main/resources/i18n/messages.properties",
                "src/main/resources/i18n/messages_en.properties")) {
            var seen = new java.util.HashSet<String>();
            for (var line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                var key = line.substring(0, line.indexOf('=')).strip();
                // Properties keeps only the last of two equal keys, silently.
                org.assertj.core.api.Assertions.assertThat(seen.add(key)).as("%s defined twice in %s", key, file)
                        .isTrue();
            }
        }
    }

    @Test
    void views_take_every_visible_text_from_the_bundles() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/no/alisportalen"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/ui/")).toList()) {
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (HARD_CODED.matcher(lines.get(i)).find()) {
                        offenders.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = I18nBundlesInSyncTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

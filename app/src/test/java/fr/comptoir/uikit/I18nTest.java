package fr.comptoir.uikit;

import fr.comptoir.centralapi.Feed;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's words: the same keys in French and English, no apostrophe MessageFormat would eat, every feed named. */
class I18nTest {

    @Test
    void everyKeyExistsInBothLanguages() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties fr = new java.util.Properties();
        try (var a = I18n.class.getResourceAsStream("messages.properties");
             var b = I18n.class.getResourceAsStream("messages_fr.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            fr.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(fr.keySet()).isEqualTo(en.keySet());
        // Every feed the Sync screen and the first sync name has its words.
        for (Feed<?> feed : Feed.ALL) {
            assertThat(en).containsKey("feed." + feed.name());
        }
        // Every text goes through MessageFormat, where a lone apostrophe silently disappears.
        for (java.util.Properties p : java.util.List.of(en, fr)) {
            p.forEach((k, v) -> assertThat(v.toString().replace("''", "")).as(k.toString()).doesNotContain("'"));
        }
    }

    @Test
    void aMissingKeyShowsItselfRatherThanNothing() {
        assertThat(new I18n(Locale.FRENCH).get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(new I18n(Locale.GERMAN).locale()).isEqualTo(Locale.ENGLISH);
    }
}

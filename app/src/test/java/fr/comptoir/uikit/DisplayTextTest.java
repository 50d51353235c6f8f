package fr.comptoir.uikit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTextTest {

    @Test
    void emojiAreLeftOutOfWhatIsShownAndTheSpacesTidied() {
        assertThat(DisplayText.shown("Adore le thé 😊 vert")).isEqualTo("Adore le thé vert");
        assertThat(DisplayText.shown("Merci 👍🏽")).isEqualTo("Merci");
        assertThat(DisplayText.shown("Famille 👨‍👩‍👧 et 🇫🇷")).isEqualTo("Famille et");
        assertThat(DisplayText.shown("Cadeau 🎁\nÀ emballer")).isEqualTo("Cadeau\nÀ emballer");
        assertThat(DisplayText.shown("Merci \uF60A pour tout")).as("private use (an emoji cut to 16 bits by a keyboard driver)")
                .isEqualTo("Merci pour tout");
    }

    @Test
    void lettersAccentsAndUsualSymbolsStayAsTheyAre() {
        String french = "Hélène Œuvray-Müller · 71,99 € ✕ ☕ « ça » — 𝔘";
        assertThat(DisplayText.shown(french)).isEqualTo(french);
        assertThat(DisplayText.shown(null)).isNull();
        assertThat(DisplayText.shown("")).isEmpty();
    }

    @Test
    void anAddressTooWideForItsRowBreaksAfterItsAtSign() {
        java.util.function.ToDoubleFunction<String> tenPerChar = line -> line.length() * 10.0;
        assertThat(DisplayText.breakAddresses("Hélène Bernard\nhelene.bernard1112@orange.fr", 200, tenPerChar))
                .isEqualTo("Hélène Bernard\nhelene.bernard1112@\norange.fr");
        assertThat(DisplayText.breakAddresses("Hélène Caron\nhelene.caron88@sfr.fr", 300, tenPerChar))
                .as("it fits: unchanged").isEqualTo("Hélène Caron\nhelene.caron88@sfr.fr");
        assertThat(DisplayText.breakAddresses("Envoyé à helene.bernard1112@orange.fr hier", 100, tenPerChar))
                .as("a sentence wraps between its words").isEqualTo("Envoyé à helene.bernard1112@orange.fr hier");
    }
}

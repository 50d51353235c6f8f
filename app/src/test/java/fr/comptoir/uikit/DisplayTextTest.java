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
    }

    @Test
    void lettersAccentsAndUsualSymbolsStayAsTheyAre() {
        String french = "Hélène Œuvray-Müller · 71,99 € ✕ ☕ « ça » — 𝔘";
        assertThat(DisplayText.shown(french)).isEqualTo(french);
        assertThat(DisplayText.shown(null)).isNull();
        assertThat(DisplayText.shown("")).isEmpty();
    }
}

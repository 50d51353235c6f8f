package fr.comptoir.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    @Test
    void acceptsRealCodesAndRefusesTypos() {
        assertThat(Gtin.isValid("4006381333931")).isTrue();   // EAN-13
        assertThat(Gtin.isValid("96385074")).isTrue();        // EAN-8
        assertThat(Gtin.isValid("036000291452")).isTrue();    // UPC-A
        assertThat(Gtin.isValid("4006381333932")).isFalse();  // wrong check digit
        assertThat(Gtin.isValid("400638133393")).isFalse();   // 12 digits, wrong as UPC-A
        assertThat(Gtin.isValid("40063813339X1")).isFalse();
        assertThat(Gtin.isValid("")).isFalse();
        assertThat(Gtin.isValid(null)).isFalse();
    }

    @Test
    void computesCheckDigits() {
        assertThat(Gtin.withCheckDigit("400638133393")).isEqualTo("4006381333931");
        assertThat(Gtin.withCheckDigit("9638507")).isEqualTo("96385074");
        assertThatThrownBy(() -> Gtin.withCheckDigit("12a")).isInstanceOf(IllegalArgumentException.class);
    }
}

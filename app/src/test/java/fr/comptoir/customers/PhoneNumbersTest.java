package fr.comptoir.customers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "06.12.34.56.78"})
    void frenchFormatsOfOneNumberAreTheSame(String phone) {
        assertThat(PhoneNumbers.canonical(phone)).isEqualTo("33612345678");
    }

    @Test
    void noDigitsIsNoNumber() {
        assertThat(PhoneNumbers.canonical("n/a")).isNull();
        assertThat(PhoneNumbers.canonical(null)).isNull();
    }

    @Test
    void foreignNumbersKeepTheirCountryCode() {
        assertThat(PhoneNumbers.canonical("+44 20 7946 0958")).isEqualTo("442079460958");
    }
}

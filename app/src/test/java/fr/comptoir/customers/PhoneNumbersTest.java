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

    @Test
    void frenchNumbersAreShownTheFrenchWayOthersAsGiven() {
        org.assertj.core.api.Assertions.assertThat(PhoneNumbers.display("0645999531")).isEqualTo("06 45 99 95 31");
        org.assertj.core.api.Assertions.assertThat(PhoneNumbers.display("+33 6 68 17 70 53")).isEqualTo("06 68 17 70 53");
        org.assertj.core.api.Assertions.assertThat(PhoneNumbers.display("0033612345678")).isEqualTo("06 12 34 56 78");
        org.assertj.core.api.Assertions.assertThat(PhoneNumbers.display("+44 20 7946 0958")).isEqualTo("+44 20 7946 0958");
        org.assertj.core.api.Assertions.assertThat(PhoneNumbers.display(null)).isNull();
        org.assertj.core.api.Assertions.assertThat(PhoneNumbers.display("n/a")).isEqualTo("n/a");
    }
}

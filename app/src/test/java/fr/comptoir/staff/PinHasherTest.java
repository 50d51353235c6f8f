package fr.comptoir.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PinHasherTest {

    @Test
    void matchesTheRightPinOnly() {
        String hash = PinHasher.hash("1234", 1000);
        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("1234$");
        assertThat(PinHasher.matches("1234", hash)).isTrue();
        assertThat(PinHasher.matches("1235", hash)).isFalse();
        assertThat(PinHasher.matches("", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(PinHasher.hash("1234", 1000)).isNotEqualTo(PinHasher.hash("1234", 1000));
    }

    @Test
    void refusesMalformedHashesWithoutThrowing() {
        assertThat(PinHasher.matches("1234", "1234")).isFalse();
        assertThat(PinHasher.matches("1234", "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(PinHasher.matches("1234", "pbkdf2-sha256$1000$!!$??")).isFalse();
        assertThat(PinHasher.matches("1234", null)).isFalse();
    }
}

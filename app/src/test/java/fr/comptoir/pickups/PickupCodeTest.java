package fr.comptoir.pickups;

import fr.comptoir.staff.PinHasher;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PickupCodeTest {

    @Test
    void theQrCodeCarriesTheOrderNumberAndTheCodeInCharactersEveryScannerTypesAlike() {
        String qr = PickupCode.qr("PAR01-759F3AEC-000001-A", "123456");
        assertThat(qr).isEqualTo("CP1-PAR01-759F3AEC-000001-A-123456").matches("[A-Z0-9-]+");
        assertThat(PickupCode.parseQr(qr)).contains(new PickupCode.Scanned("PAR01-759F3AEC-000001-A", "123456"));
        assertThat(PickupCode.parseQr("cp1-w00000012-654321")).as("a scanner in lower case")
                .contains(new PickupCode.Scanned("W00000012", "654321"));
        assertThat(PickupCode.parseQr("3760000000017")).isEmpty();
        assertThat(PickupCode.parseQr("CP1-W00000012-12345")).as("five digits is no code").isEmpty();
        assertThat(PickupCode.parseQr("CP1--123456")).isEmpty();
    }

    @Test
    void aCodeIsCheckedAgainstItsHashOfflineAndFoundByItsBucketWithoutBeingKept() {
        Pickup p = new Pickup("o", "W1", "st", PickupStatus.READY, null, null, List.of(), null, null, null, null, 0, 0, 0, 0, null,
                PinHasher.hash("482913", 1_000), PickupCode.bucket("482913"), List.of(), List.of(), null);
        assertThat(PickupCode.matches("482913", p)).isTrue();
        assertThat(PickupCode.matches("482 913", p)).as("typed with a space").isTrue();
        assertThat(PickupCode.matches("482914", p)).isFalse();
        assertThat(PickupCode.bucket("482913")).hasSize(4).isEqualTo(PickupCode.bucket("482 913")).isNotEqualTo(PickupCode.bucket("482914"));
        assertThat(PickupCode.isCode("482 913")).isTrue();
        assertThat(PickupCode.isCode("48291")).isFalse();
    }
}

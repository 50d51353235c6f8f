package fr.comptoir.staff;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.staff.ui.SignInViewModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {

    final StaffMember leo = new StaffMember("s1", "st", "Léo Martin", Role.ASSOCIATE, "h", true);
    final StaffMember camille = new StaffMember("s2", "st", "Camille Laurent", Role.MANAGER, "h", true);
    final List<String> attempts = new ArrayList<>();
    final List<StaffSession> sessions = new ArrayList<>();

    SignInViewModel vm() {
        return new SignInViewModel(() -> List.of(camille, leo), (id, pin) -> {
            attempts.add(id + ":" + pin);
            if (pin.equals("1234")) {
                return new SignInResult.SignedIn(new StaffSession(leo, "now"));
            }
            if (pin.equals("9999")) {
                return new SignInResult.LockedOut(Duration.ofSeconds(42));
            }
            return new SignInResult.WrongPin(3);
        }, TaskRunner.direct(), new I18n(Locale.ENGLISH), sessions::add);
    }

    @Test
    void typingAPinShowsDotsAndSignsIn() {
        SignInViewModel vm = vm();
        vm.load(null);
        assertThat(vm.staff()).containsExactly(camille, leo);
        vm.choose(leo);
        for (int d : new int[]{1, 2, 3, 5}) {
            vm.digit(d);
        }
        vm.backspace();
        vm.digit(4);
        assertThat(vm.pinMaskProperty().get()).isEqualTo("●●●●");
        vm.submit();
        assertThat(attempts).containsExactly("s1:1234");
        assertThat(sessions).hasSize(1);
        assertThat(vm.pinMaskProperty().get()).isEmpty();
    }

    @Test
    void wrongPinsAndLockoutsSaySo() {
        SignInViewModel vm = vm();
        vm.choose(leo);
        vm.digit(0);
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("Wrong PIN. 3 attempts left.");
        for (int i = 0; i < 4; i++) {
            vm.digit(9);
        }
        vm.submit();
        assertThat(vm.messageProperty().get()).contains("42 s");
        assertThat(sessions).isEmpty();
    }

    @Test
    void theLockoutCountsDownSecondBySecondThenSaysThePinMayBeTypedAgain() {
        SignInServiceTest.MutableClock clock = new SignInServiceTest.MutableClock(java.time.Instant.parse("2026-12-02T10:00:00Z"));
        int[] left = {1};
        SignInViewModel vm = new SignInViewModel(() -> List.of(leo), (id, pin) -> pin.equals("9999")
                ? new SignInResult.LockedOut(Duration.ofSeconds(3)) : new SignInResult.WrongPin(left[0]),
                TaskRunner.direct(), new I18n(Locale.FRENCH), sessions::add, clock);
        vm.choose(leo);
        vm.digit(0);
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("Code erroné. Encore un essai.");
        left[0] = 2;
        vm.digit(0);
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("Code erroné. Encore 2 essais.");
        for (int i = 0; i < 4; i++) {
            vm.digit(9);
        }
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("Trop de codes erronés. Réessayez dans 3 s.");
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(vm.messageProperty().get()).isEqualTo("Trop de codes erronés. Réessayez dans 2 s.");
        clock.advance(Duration.ofSeconds(2));
        vm.tick();
        assertThat(vm.messageProperty().get()).isEqualTo("Vous pouvez saisir votre code à nouveau.");
        assertThat(vm.countingDown()).isFalse();
    }

    @Test
    void nothingHappensWithoutAPersonOrAPinAndPinsAreBounded() {
        SignInViewModel vm = vm();
        vm.digit(1);
        vm.submit();
        vm.choose(camille);
        vm.submit();
        assertThat(attempts).isEmpty();
        for (int i = 0; i < 20; i++) {
            vm.digit(1);
        }
        vm.digit(42);
        assertThat(vm.pinMaskProperty().get()).hasSize(8);
    }

    @Test
    void theLockScreenPreselectsWhoWasSignedIn() {
        SignInViewModel vm = vm();
        vm.load("s1");
        assertThat(vm.selectedProperty().get()).isEqualTo(leo);
    }
}

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

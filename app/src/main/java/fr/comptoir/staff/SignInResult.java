package fr.comptoir.staff;

import java.time.Duration;

/** The outcome of a PIN sign-in attempt. */
public sealed interface SignInResult {

    record SignedIn(StaffSession session) implements SignInResult {
    }

    record WrongPin(int attemptsLeft) implements SignInResult {
    }

    /** Too many wrong PINs in a row: this staff member must wait before trying again. */
    record LockedOut(Duration retryIn) implements SignInResult {
    }

    record UnknownStaff() implements SignInResult {
    }
}

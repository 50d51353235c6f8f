package fr.comptoir.customers.ui;

import fr.comptoir.customers.Customer;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The "new customer" form: names, contact, consent per channel (never ticked for the customer), the
 * privacy notice shown, and a warning about likely duplicates before creating. JavaFX thread only.
 */
public final class NewCustomerViewModel {

    /** What the form needs; blocking calls, run through the {@link TaskRunner}. */
    public interface Services {
        Map<String, String> validate(String firstName, String lastName, String email, String phone);

        List<Customer> likelyDuplicates(String email, String phone);

        Customer create(String firstName, String lastName, String email, String phone, boolean emailConsent, boolean smsConsent,
                        boolean privacyNoticeShown);
    }

    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final BooleanProperty emailConsent = new SimpleBooleanProperty(false);
    private final BooleanProperty smsConsent = new SimpleBooleanProperty(false);
    private final BooleanProperty privacyShown = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty duplicateWarning = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Services services;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Consumer<Customer> onCreated;
    private boolean duplicatesAcknowledged;

    public NewCustomerViewModel(Services services, TaskRunner runner, I18n i18n, Consumer<Customer> onCreated) {
        this.services = services;
        this.runner = runner;
        this.i18n = i18n;
        this.onCreated = onCreated;
        // Changing the contact details means the duplicate check must run again.
        email.addListener((o, a, b) -> resetDuplicates());
        phone.addListener((o, a, b) -> resetDuplicates());
    }

    private void resetDuplicates() {
        duplicatesAcknowledged = false;
        duplicateWarning.set("");
    }

    public void create() {
        if (busy.get()) {
            return;
        }
        Map<String, String> errors = services.validate(firstName.get(), lastName.get(), email.get(), phone.get());
        if (!errors.isEmpty()) {
            error.set(describe(errors));
            return;
        }
        if (!privacyShown.get()) {
            error.set(i18n.get("newCustomer.privacyRequired"));
            return;
        }
        error.set("");
        busy.set(true);
        if (!duplicatesAcknowledged) {
            // Read on the JavaFX thread; the background work only gets the values.
            String typedEmail = email.get();
            String typedPhone = phone.get();
            runner.run(() -> services.likelyDuplicates(typedEmail, typedPhone), dups -> {
                busy.set(false);
                if (dups.isEmpty()) {
                    duplicatesAcknowledged = true;
                    create();
                } else {
                    duplicatesAcknowledged = true;
                    duplicateWarning.set(i18n.get("newCustomer.duplicates",
                            String.join(", ", dups.stream().map(c -> c.fullName() + (c.email() != null ? " <" + c.email() + ">" : "")).toList())));
                }
            }, failure -> {
                busy.set(false);
                error.set(failure.getMessage());
            });
            return;
        }
        String f = firstName.get();
        String l = lastName.get();
        String e = email.get();
        String p = phone.get();
        boolean ec = emailConsent.get();
        boolean sc = smsConsent.get();
        boolean shown = privacyShown.get();
        runner.run(() -> services.create(f, l, e, p, ec, sc, shown), created -> {
            busy.set(false);
            onCreated.accept(created);
        }, failure -> {
            busy.set(false);
            error.set(failure.getMessage());
        });
    }

    private String describe(Map<String, String> errors) {
        StringBuilder b = new StringBuilder();
        errors.forEach((field, problem) -> {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(i18n.get("newCustomer." + field)).append(" : ").append(switch (problem) {
                case "required" -> i18n.get("newCustomer.required");
                case "invalid" -> field.equals("email") ? i18n.get("newCustomer.invalidEmail") : i18n.get("newCustomer.invalidPhone");
                default -> problem;
            });
        });
        return b.toString();
    }

    public StringProperty firstNameProperty() { return firstName; }
    public StringProperty lastNameProperty() { return lastName; }
    public StringProperty emailProperty() { return email; }
    public StringProperty phoneProperty() { return phone; }
    public BooleanProperty emailConsentProperty() { return emailConsent; }
    public BooleanProperty smsConsentProperty() { return smsConsent; }
    public BooleanProperty privacyShownProperty() { return privacyShown; }
    public StringProperty errorProperty() { return error; }
    public StringProperty duplicateWarningProperty() { return duplicateWarning; }
    public BooleanProperty busyProperty() { return busy; }
}

package fr.comptoir.customers;

import fr.comptoir.common.JsonCodec;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.WriteKind;
import fr.comptoir.common.StoreJournal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Clienteling writes that work offline: notes (append-only), preferences (field-level last writer
 * wins, by the time of the change), wishlist (set add/remove), customers created in store. Each write
 * goes to the journal and outbox in one transaction; reads show the cache with the writes not yet
 * delivered applied on top, so an associate sees their edit at once, online or not.
 * Blocking (disk): call it off the JavaFX thread.
 */
public final class ClientelingService {

    public static final int MAX_NOTE = 2000;

    private final ClientelingStore store;
    private final StoreJournal journal;
    private final JsonCodec json;
    private final Clock clock;

    /** Who is writing: the signed-in staff member at this store. */
    public record Author(String staffId, String staffName, String storeId) {
    }

    /** A customer with what associates know of them, pending edits included. */
    public record Profile(Customer customer, List<CustomerNote> notes, int pendingEdits) {
    }

    /** Payload of a preferences change: each changed field with the time it was changed here. */
    public record PreferencesChange(String customerId, List<FieldChange> changes) {
    }

    public record FieldChange(String field, List<String> value, String changedAt) {
    }

    /** Payload of a wishlist add or remove. */
    public record WishlistChange(String customerId, String variantId, String at) {
    }

    public ClientelingService(ClientelingStore store, StoreJournal journal, JsonCodec json, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
    }

    public Optional<Profile> profile(String customerId) {
        Optional<Customer> cached = store.customer(customerId);
        Customer base = cached.orElseGet(() -> pendingCreated(customerId));
        if (base == null) {
            return Optional.empty();
        }
        int pending = 0;
        List<CustomerNote> notes = new ArrayList<>(store.notes(base.id()));
        for (String p : journal.pendingPayloads(WriteKind.CUSTOMER_NOTE)) {
            CustomerNote n = json.decode(p, CustomerNote.class);
            if (isFor(base, n.customerId())) {
                notes.add(n);
                pending++;
            }
        }
        notes.sort(Comparator.comparing(CustomerNote::createdAt).reversed());
        Customer.Preferences prefs = base.preferences();
        for (String p : journal.pendingPayloads(WriteKind.CUSTOMER_PREFERENCES)) {
            PreferencesChange change = json.decode(p, PreferencesChange.class);
            if (isFor(base, change.customerId())) {
                prefs = apply(prefs, change);
                pending++;
            }
        }
        Set<String> wishlist = new LinkedHashSet<>(base.wishlist());
        for (WriteKind kind : List.of(WriteKind.WISHLIST_ADD, WriteKind.WISHLIST_REMOVE)) {
            for (String p : journal.pendingPayloads(kind)) {
                WishlistChange w = json.decode(p, WishlistChange.class);
                if (isFor(base, w.customerId())) {
                    if (kind == WriteKind.WISHLIST_ADD) {
                        wishlist.add(w.variantId());
                    } else {
                        wishlist.remove(w.variantId());
                    }
                    pending++;
                }
            }
        }
        return Optional.of(new Profile(base.withClienteling(prefs, List.copyOf(wishlist)), notes, pending));
    }

    private static boolean isFor(Customer c, String id) {
        return id.equals(c.id()) || id.equals(c.localId());
    }

    private Customer pendingCreated(String customerId) {
        for (String p : journal.pendingPayloads(WriteKind.CUSTOMER_CREATED)) {
            NewCustomer n = json.decode(p, NewCustomer.class);
            if (n.id().equals(customerId)) {
                return toCustomer(n);
            }
        }
        return null;
    }

    private static Customer.Preferences apply(Customer.Preferences p, PreferencesChange change) {
        List<String> sizes = p.sizes();
        List<String> categories = p.categories();
        List<String> brands = p.brands();
        for (FieldChange f : change.changes()) {
            switch (f.field()) {
                case "preferences.sizes" -> sizes = f.value();
                case "preferences.categories" -> categories = f.value();
                case "preferences.brands" -> brands = f.value();
                default -> { }
            }
        }
        return new Customer.Preferences(sizes, categories, brands);
    }

    /** Appends a note. Empty or over-long notes are refused and nothing is written. */
    public CustomerNote addNote(String customerId, String text, Author author) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty-note");
        }
        if (t.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note-too-long");
        }
        CustomerNote note = new CustomerNote("note-" + UUID.randomUUID(), customerId, t, author.staffId(), author.staffName(),
                author.storeId(), clock.instant().toString());
        journal.appendWithOutbox("customer.note", author.staffId(), new OutboxWrite(WriteKind.CUSTOMER_NOTE, note.id(), customerId, note));
        return note;
    }

    /** Records the preference lists that changed (and only those), each with the time of the change. */
    public void setPreferences(Customer customer, Customer.Preferences wanted, Author author) {
        String now = clock.instant().toString();
        Customer.Preferences current = profile(customer.id()).map(p -> p.customer().preferences()).orElse(customer.preferences());
        List<FieldChange> changes = new ArrayList<>();
        if (!current.sizes().equals(wanted.sizes())) {
            changes.add(new FieldChange("preferences.sizes", wanted.sizes(), now));
        }
        if (!current.categories().equals(wanted.categories())) {
            changes.add(new FieldChange("preferences.categories", wanted.categories(), now));
        }
        if (!current.brands().equals(wanted.brands())) {
            changes.add(new FieldChange("preferences.brands", wanted.brands(), now));
        }
        if (changes.isEmpty()) {
            return;
        }
        journal.appendWithOutbox("customer.preferences", author.staffId(), new OutboxWrite(WriteKind.CUSTOMER_PREFERENCES, UUID.randomUUID().toString(),
                customer.id(), new PreferencesChange(customer.id(), changes)));
    }

    public void addToWishlist(String customerId, String variantId, Author author) {
        journal.appendWithOutbox("customer.wishlist.add", author.staffId(), new OutboxWrite(WriteKind.WISHLIST_ADD, UUID.randomUUID().toString(),
                customerId, new WishlistChange(customerId, variantId, clock.instant().toString())));
    }

    public void removeFromWishlist(String customerId, String variantId, Author author) {
        journal.appendWithOutbox("customer.wishlist.remove", author.staffId(), new OutboxWrite(WriteKind.WISHLIST_REMOVE, UUID.randomUUID().toString(),
                customerId, new WishlistChange(customerId, variantId, clock.instant().toString())));
    }

    /** What is wrong with a customer form, by field (empty when it can be created). */
    public Map<String, String> validate(String firstName, String lastName, String email, String phone) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (firstName == null || firstName.isBlank()) {
            errors.put("firstName", "required");
        }
        if (lastName == null || lastName.isBlank()) {
            errors.put("lastName", "required");
        }
        if (email != null && !email.isBlank() && !fr.comptoir.common.EmailAddresses.looksValid(email)) {
            errors.put("email", "invalid");
        }
        if (phone != null && !phone.isBlank()) {
            String digits = PhoneNumbers.canonical(phone);
            if (digits == null || digits.length() < 9 || digits.length() > 15 || !phone.strip().matches("[+0-9 .\\-()]+")) {
                errors.put("phone", "invalid");
            }
        }
        return errors;
    }

    /** Customers already known with the same email or phone: likely duplicates to show before creating. */
    public List<Customer> likelyDuplicates(String email, String phone) {
        String e = email == null || email.isBlank() ? null : email.strip();
        String p = PhoneNumbers.canonical(phone);
        if (e == null && p == null) {
            return List.of();
        }
        return store.withContact(e, p);
    }

    /**
     * Creates a customer at this terminal, offline if need be: a local id now, the platform's id when the
     * outbox is delivered (the platform's record then replaces the local one, {@code localId} linking them).
     *
     * @param privacyNoticeShown the associate confirmed the privacy notice was shown to the customer
     */
    public Customer create(String firstName, String lastName, String email, String phone, boolean emailConsent,
                           boolean smsConsent, boolean privacyNoticeShown, Author author) {
        if (!validate(firstName, lastName, email, phone).isEmpty()) {
            throw new IllegalArgumentException("invalid-customer");
        }
        if (!privacyNoticeShown) {
            throw new IllegalArgumentException("privacy-notice-required");
        }
        String id = "local-" + UUID.randomUUID();
        NewCustomer n = new NewCustomer(id, firstName.strip(), lastName.strip(), blankToNull(email), blankToNull(phone),
                emailConsent, smsConsent, clock.instant().toString(), author.storeId(), author.staffId());
        journal.appendWithOutbox("customer.created", author.staffId(), new OutboxWrite(WriteKind.CUSTOMER_CREATED, id, id, n));
        Customer c = toCustomer(n);
        store.putLocalCustomer(c);
        return c;
    }

    private static Customer toCustomer(NewCustomer n) {
        return new Customer(n.id(), n.firstName(), n.lastName(), n.email(), n.phone(), null, Customer.LoyaltyTier.NONE, 0,
                n.emailConsent(), n.smsConsent(), n.privacyNoticeShownAt(), Customer.Preferences.NONE, List.of(), n.id());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package fr.comptoir.shell;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.common.JsonCodec;
import fr.comptoir.common.Money;
import fr.comptoir.common.WriteKind;
import fr.comptoir.customers.PhoneNumbers;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.sync.FeedState;
import fr.comptoir.sync.NeedsAttention;
import fr.comptoir.sync.OutboxEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Sync screen: what the cache holds per feed, when it was last synced, "Sync now", and the writes the
 * central platform refused, each described in words, which a manager resolves with their PIN: send it
 * again, correct it and send it again (where a field can be corrected), or discard it with a reason.
 * JavaFX thread only.
 */
public final class SyncViewModel {

    /** One line of the table, ready to show. */
    public record FeedRow(String feed, String label, long records, String lastSync) {
    }

    /**
     * A write the central platform refused, as a person reads it.
     *
     * @param correctable the fields of its body a manager may correct (empty: it can only be sent again or discarded)
     */
    public record AttentionRow(long id, String what, String when, String problem, Map<String, String> correctable) {
    }

    /** What the manager wants done with the selected write. */
    public enum Action { RETRY, CORRECT, DISCARD }

    /** Fields that can be corrected, per kind of write: a typo in an address is the usual cause of a refusal. */
    static final Map<WriteKind, List<String>> CORRECTABLE = Map.of(
            WriteKind.RECEIPT_EMAIL, List.of("email"),
            WriteKind.CUSTOMER_CREATED, List.of("email", "phone"));

    private record Snapshot(Map<String, Long> counts, List<FeedState> states, List<OutboxEntry> attention) {
    }

    private final ObservableList<FeedRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AttentionRow> attentionRows = FXCollections.observableArrayList();
    private final ObjectProperty<AttentionRow> selected = new SimpleObjectProperty<>();
    private final Map<String, StringProperty> corrections = new LinkedHashMap<>();
    private final StringProperty discardReason = new SimpleStringProperty("");
    private final StringProperty managerPin = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final Supplier<Map<String, Long>> counts;
    private final Supplier<List<FeedState>> states;
    private final NeedsAttention attention;
    private final Function<String, Optional<StaffMember>> approve;
    private final String staffId;
    private final JsonCodec json;
    private final Runnable requestSync;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Map<Long, String> payloads = new LinkedHashMap<>();

    /**
     * @param approve   a manager's PIN to the manager, if it is one (checked offline)
     * @param staffId   who is signed in at the till
     */
    public SyncViewModel(Supplier<Map<String, Long>> counts, Supplier<List<FeedState>> states, NeedsAttention attention,
                         Function<String, Optional<StaffMember>> approve, String staffId, JsonCodec json, Runnable requestSync,
                         TaskRunner runner, I18n i18n) {
        this.counts = counts;
        this.states = states;
        this.attention = attention;
        this.approve = approve;
        this.staffId = staffId;
        this.json = json;
        this.requestSync = requestSync;
        this.runner = runner;
        this.i18n = i18n;
        for (String field : List.of("email", "phone")) {
            corrections.put(field, new SimpleStringProperty(""));
        }
        selected.addListener((obs, old, row) -> {
            corrections.values().forEach(p -> p.set(""));
            if (row != null) {
                row.correctable().forEach((field, value) -> corrections.get(field).set(value));
            }
            discardReason.set("");
        });
    }

    public ObservableList<FeedRow> rows() {
        return rows;
    }

    /** The "needs attention" list: writes refused by the central platform, for a manager to resolve. */
    public ObservableList<AttentionRow> attentionRows() {
        return attentionRows;
    }

    public ObjectProperty<AttentionRow> selectedProperty() { return selected; }
    /** The corrected value of {@code field} ({@code email}, {@code phone}) of the selected write. */
    public StringProperty correction(String field) { return corrections.get(field); }
    public StringProperty discardReasonProperty() { return discardReason; }
    public StringProperty managerPinProperty() { return managerPin; }
    public StringProperty messageProperty() { return message; }

    /** Reads the cache's figures and the refused writes in the background and updates the screen. */
    public void refresh() {
        runner.run(() -> new Snapshot(counts.get(), states.get(), attention.entries()), snap -> {
            List<FeedRow> list = new ArrayList<>();
            DateTimeFormatter f = i18n.dateTime();
            for (FeedState s : snap.states()) {
                list.add(new FeedRow(s.feed(), i18n.get("feed." + s.feed()), snap.counts().getOrDefault(s.feed(), 0L),
                        s.lastSuccessAt() == 0 ? i18n.get("sync.never") : f.format(Instant.ofEpochMilli(s.lastSuccessAt()))));
            }
            rows.setAll(list);
            payloads.clear();
            List<AttentionRow> attentionList = new ArrayList<>();
            for (OutboxEntry e : snap.attention()) {
                payloads.put(e.id(), e.payloadJson());
                attentionList.add(new AttentionRow(e.id(), describe(e), f.format(Instant.ofEpochMilli(e.createdAt())),
                        e.lastError() == null ? "" : e.lastError(), correctable(e)));
            }
            attentionRows.setAll(attentionList);
            if (selected.get() != null && attentionList.stream().noneMatch(r -> r.id() == selected.get().id())) {
                selected.set(null);
            }
        }, failure -> message.set(i18n.get("sync.readFailed", failure.getMessage())));
    }

    /** The write in words: what it is about, from its body. */
    String describe(OutboxEntry e) {
        Map<?, ?> body = body(e.payloadJson());
        WriteKind kind = WriteKind.of(e.kind()).orElse(null);
        if (kind == null) {
            return e.kind(); // written by another version of Comptoir: its name is all we know
        }
        String key = "write." + kind.wire();
        return switch (kind) {
            case SALE_RECORDED -> "SALE".equals(text(body, "type")) || text(body, "type").isEmpty()
                    ? i18n.get(key, text(body, "ticketNumber"), Money.ofCents(number(body, "totalCents")).format(i18n.formats()))
                    : returned(body);
            case RECEIPT_EMAIL -> i18n.get(key, text(body, "email"));
            case CUSTOMER_CREATED -> i18n.get(key, text(body, "firstName") + " " + text(body, "lastName"));
            case CUSTOMER_NOTE, CUSTOMER_PREFERENCES, WISHLIST_ADD, WISHLIST_REMOVE -> i18n.get(key, text(body, "customerId"));
            case CART_CONTINUED -> i18n.get(key, text(body, "cartId"));
            case TILL_EVENT -> i18n.get(key, text(body, "type"));
            case STAFF_EVENT -> i18n.get(key);
            case PICKUP_READY, PICKUP_NOTICE, PICKUP_RETURN_TO_STOCK -> i18n.get(key, text(body, "orderNumber"));
            case PICKUP_RECEIPT_EMAIL -> i18n.get(key, text(body, "orderNumber"), text(body, "email"));
            case SIGNING_KEY -> i18n.get(key, text(body, "keyId"));
            case CLOSING_RECORDED -> i18n.get(key, i18n.get("closing.kind." + text(body, "kind")), text(body, "periodEnd"));
            case PICKUP_HANDOVER -> handover(body);
        };
    }

    /**
     * A return or exchange ticket in words, with the money trail a manager needs when the platform refuses it
     * (another till took the same items back): the orders items came back from, how many, and how the money went
     * back (tender by tender).
     */
    private String returned(Map<?, ?> body) {
        java.util.Set<String> orders = new java.util.LinkedHashSet<>();
        int units = 0;
        if (body.get("lines") instanceof List<?> lines) {
            for (Object l : lines) {
                if (l instanceof Map<?, ?> line && line.get("returnOf") instanceof Map<?, ?> from) {
                    orders.add(text(from, "orderNumber").isEmpty() ? i18n.get("write.noReceipt") : text(from, "orderNumber"));
                    units -= (int) number(line, "quantity");
                }
            }
        }
        List<String> money = new java.util.ArrayList<>();
        if (body.get("payments") instanceof List<?> payments) {
            for (Object p : payments) {
                if (p instanceof Map<?, ?> payment) {
                    money.add(i18n.get("write.tender." + text(payment, "tender"), Money.ofCents(number(payment, "amountCents")).format(i18n.formats())));
                }
            }
        }
        return i18n.get("write.sale-recorded.return", text(body, "ticketNumber"), units, String.join(", ", orders), String.join(", ", money));
    }

    /**
     * A hand-over in words, with what a manager needs to sort out a conflict with another till: the order, who
     * collected and how they were verified, the items handed over and refused, the refund, and when.
     */
    private String handover(Map<?, ?> body) {
        int collected = 0;
        int refused = 0;
        if (body.get("lines") instanceof List<?> lines) {
            for (Object l : lines) {
                if (l instanceof Map<?, ?> line) {
                    collected += (int) number(line, "collected");
                    refused += (int) number(line, "refused");
                }
            }
        }
        Map<?, ?> v = body.get("verification") instanceof Map<?, ?> m ? m : Map.of();
        String how = "ID_DOCUMENT".equals(text(v, "method")) ? i18n.get("write.pickup-handover.byId",
                i18n.get("pickups.doc." + text(v, "idDocument")), text(v, "idDocumentEnd"))
                : i18n.get("write.pickup-handover.byCode");
        String at = text(body, "at");
        try {
            at = i18n.dateTime().format(Instant.parse(at));
        } catch (java.time.format.DateTimeParseException unreadable) {
            // Shown as it was written.
        }
        return i18n.get("write.pickup-handover", text(body, "orderNumber")) + " — "
                + i18n.get("write.pickup-handover.detail", collected, refused, text(v, "collectorName"), how,
                Money.ofCents(number(body, "refundCents")).format(i18n.formats()), at);
    }

    private Map<String, String> correctable(OutboxEntry e) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<?, ?> body = body(e.payloadJson());
        List<String> editable = WriteKind.of(e.kind()).map(k -> CORRECTABLE.getOrDefault(k, List.of())).orElse(List.of());
        for (String field : editable) {
            fields.put(field, text(body, field));
        }
        return fields;
    }

    private Map<?, ?> body(String payload) {
        try {
            return json.decode(payload, Map.class);
        } catch (RuntimeException damaged) {
            return Map.of();
        }
    }

    private static String text(Map<?, ?> body, String field) {
        Object v = body.get(field);
        return v == null ? "" : v.toString();
    }

    private static long number(Map<?, ?> body, String field) {
        return body.get(field) instanceof Number n ? n.longValue() : 0;
    }

    /** Carries out the manager's decision on the selected write, once their PIN is checked; journaled with it. */
    public void resolve(Action action) {
        AttentionRow row = selected.get();
        if (row == null) {
            message.set(i18n.get("sync.chooseWrite"));
            return;
        }
        String reason = discardReason.get() == null ? "" : discardReason.get().strip();
        if (action == Action.DISCARD && reason.isEmpty()) {
            message.set(i18n.get("sync.reasonRequired"));
            return;
        }
        String corrected = null;
        if (action == Action.CORRECT) {
            if (row.correctable().isEmpty()) {
                return;
            }
            Optional<String> problem = invalidCorrection(row);
            if (problem.isPresent()) {
                message.set(problem.get());
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) body(payloads.get(row.id())));
            for (String field : row.correctable().keySet()) {
                String v = corrections.get(field).get() == null ? "" : corrections.get(field).get().strip();
                body.put(field, v.isEmpty() ? null : v);
            }
            corrected = json.encode(body);
        }
        String pin = managerPin.get();
        String payload = corrected;
        runner.run(() -> {
            Optional<StaffMember> manager = approve.apply(pin == null ? "" : pin);
            if (manager.isEmpty()) {
                return Optional.<StaffMember>empty();
            }
            switch (action) {
                case RETRY -> attention.retry(row.id(), manager.get().id(), staffId);
                case CORRECT -> attention.correct(row.id(), payload, manager.get().id(), staffId);
                case DISCARD -> attention.discard(row.id(), reason, manager.get().id(), staffId);
            }
            return manager;
        }, manager -> {
            managerPin.set("");
            if (manager.isEmpty()) {
                message.set(i18n.get("sync.managerRefused"));
                return;
            }
            message.set(i18n.get("sync.resolved." + action.name().toLowerCase(java.util.Locale.ROOT), row.what(), manager.get().displayName()));
            selected.set(null);
            refresh();
            requestSync.run();
        }, failure -> {
            managerPin.set("");
            message.set(i18n.get("sync.resolveFailed", failure.getMessage()));
            refresh();
        });
    }

    private Optional<String> invalidCorrection(AttentionRow row) {
        for (String field : row.correctable().keySet()) {
            String v = corrections.get(field).get() == null ? "" : corrections.get(field).get().strip();
            if (field.equals("email") && !v.isEmpty() && !fr.comptoir.common.EmailAddresses.looksValid(v)) {
                return Optional.of(i18n.get("newCustomer.invalidEmail"));
            }
            if (field.equals("phone") && !v.isEmpty() && (PhoneNumbers.canonical(v) == null || PhoneNumbers.canonical(v).length() < 9)) {
                return Optional.of(i18n.get("sync.invalidPhone"));
            }
            if (field.equals("email") && v.isEmpty() && row.correctable().size() == 1) {
                return Optional.of(i18n.get("newCustomer.invalidEmail"));
            }
        }
        return Optional.empty();
    }

    public void syncNow() {
        requestSync.run();
    }
}

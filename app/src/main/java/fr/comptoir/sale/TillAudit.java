package fr.comptoir.sale;

import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.StoreJournal;

import java.time.Clock;
import java.util.UUID;

/**
 * Journals the till's events ({@link TillEvent}) with their outbox entry, one transaction each.
 * Blocking (disk): off the JavaFX thread.
 */
@FunctionalInterface
public interface TillAudit {

    /** Records nothing (screens shown without a signed-in seller, unit tests). */
    TillAudit NONE = (type, approvedBy, amountCents, detail) -> { };

    void record(TillEvent.Type type, String approvedBy, long amountCents, String detail);

    /** Events of {@code staffId} at this till, into the store's journal. */
    static TillAudit journaled(StoreJournal journal, Clock clock, String storeId, String deviceId, String staffId) {
        return (type, approvedBy, amountCents, detail) -> {
            TillEvent e = new TillEvent("till-" + UUID.randomUUID(), type, staffId, storeId, deviceId, clock.instant().toString(),
                    approvedBy, amountCents, detail);
            journal.appendWithOutbox("till." + type.name().toLowerCase(java.util.Locale.ROOT), staffId,
                    new OutboxWrite(fr.comptoir.common.WriteKind.TILL_EVENT, e.eventId(), e.eventId(), e));
        };
    }
}

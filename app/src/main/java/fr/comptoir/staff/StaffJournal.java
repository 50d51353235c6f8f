package fr.comptoir.staff;

/** Records staff events in the store's journal and, in the same transaction, in the outbox. */
public interface StaffJournal {
    void record(StaffEvent event);
}

package fr.comptoir.customers;

/**
 * An associate's note on a customer. Notes are only ever added, never edited or removed, so notes
 * written at the same time on several terminals and centrally never conflict.
 */
public record CustomerNote(String id, String customerId, String text, String authorStaffId, String authorName,
                           String storeId, String createdAt) {
}

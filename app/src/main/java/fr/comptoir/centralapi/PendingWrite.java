package fr.comptoir.centralapi;

/**
 * A write waiting in the outbox: what it is ({@code kind}, the {@link fr.comptoir.common.WriteKind#wire() wire
 * name} of a {@link fr.comptoir.common.WriteKind}; kept as text, since a journal may hold a kind this version
 * does not know), its body in the terminal's own canonical form ({@code format}, see
 * {@link fr.comptoir.common.RecordFormat}), the idempotency key it keeps across every retry, how often it was
 * tried, and how far an earlier try of a multi-step write went ({@code checkpoint}, what the adapter saved
 * through {@link WriteProgress}; null before the first step). A fiscal record also carries its place in its
 * signed chain ({@code fiscalProof}, {@link fr.comptoir.fiscal.FiscalRecord#proof()}; null for other writes),
 * sent with it so that the platform keeps the signatures (decision 0031).
 */
public record PendingWrite(long id, String kind, String idempotencyKey, String payloadJson, int attempts, int format, String checkpoint,
                           String fiscalProof) {

    /** A write in this version's format that was never started. */
    public PendingWrite(long id, String kind, String idempotencyKey, String payloadJson, int attempts) {
        this(id, kind, idempotencyKey, payloadJson, attempts, fr.comptoir.common.RecordFormat.CURRENT, null, null);
    }
}

package fr.comptoir.till;

import java.util.Optional;

/**
 * Training mode (decision 0032): started and ended by a manager, who is recorded as supervising it. While it
 * is on, every screen and every document says so, tickets are numbered on their own ({@code FORMATION-000001})
 * in their own signed chain ({@code TRAINING}), never in the chain of tickets or its grand totals, never sent to
 * the platform as a sale, never moving stock, and paid only in cash or on a simulated card terminal. It ends
 * when the app stops: a restart is never in training by surprise.
 */
public final class TrainingMode {

    /** Who supervises the training, since when. */
    public record Session(String managerId, String managerName, String startedAt) {
    }

    private volatile Session session;

    public boolean active() {
        return session != null;
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    public void start(Session s) {
        session = s;
    }

    public void end() {
        session = null;
    }
}

package fr.comptoir.sale;

import java.util.List;
import java.util.Optional;

/** Parked baskets, kept in the journal database so that a restart loses none. Blocking (disk). */
public interface ParkedSales {

    void park(ParkedSale sale);

    /** Oldest first. */
    List<ParkedSale> list();

    /** Removes and returns a parked sale; empty when another tap already took it. */
    Optional<ParkedSale> take(String id);

    /** Saves the basket being rung up (replacing the previous save), or forgets it when {@code basket} is null. */
    void keepInProgress(ParkedSale basket);

    /** The basket that was being rung up when the app last stopped, if any. */
    Optional<ParkedSale> inProgress();
}

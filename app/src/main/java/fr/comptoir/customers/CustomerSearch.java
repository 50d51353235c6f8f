package fr.comptoir.customers;

import java.util.List;

/** Finds customers in the terminal's cache. Blocking (disk): call it off the JavaFX thread. */
public interface CustomerSearch {

    /** The best {@code limit} matches for {@code query}, exact matches first, then by name. */
    List<CustomerMatch> search(CustomerQuery query, int limit);
}

package fr.comptoir.storage;

import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.customers.CustomerQuery;
import fr.comptoir.customers.CustomerSearch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Customer search over the cache: names through the FTS5 index of first and last names (accent- and
 * case-insensitive, any word's prefix), emails, phones and loyalty cards through their indexes. Exact matches are looked up first
 * and prefixes fill the rest, so that the best results come back without ranking the whole base.
 */
public final class SqliteCustomerSearch implements CustomerSearch {

    static final String COLUMNS = """
            c.id, c.first_name, c.last_name, c.email, c.phone, c.loyalty_card, c.loyalty_tier, c.loyalty_points,
            c.email_consent, c.sms_consent, c.created_at""";

    private final SqliteDatabase db;

    public SqliteCustomerSearch(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<CustomerMatch> search(CustomerQuery query, int limit) {
        if (query instanceof CustomerQuery.TooShort) {
            return List.of();
        }
        return db.read(c -> {
            Map<String, CustomerMatch> found = new LinkedHashMap<>();
            if (query instanceof CustomerQuery.Name name) {
                collect(c, found, limit, CustomerMatch.Strength.EXACT, namesSql(), ftsQuery(name, false));
                collect(c, found, limit, CustomerMatch.Strength.PREFIX, namesSql(), ftsQuery(name, true));
            } else if (query instanceof CustomerQuery.Email email) {
                collect(c, found, limit, CustomerMatch.Strength.EXACT,
                        "SELECT " + COLUMNS + " FROM customers c WHERE c.email = ? COLLATE NOCASE LIMIT ?", email.prefix());
                collect(c, found, limit, CustomerMatch.Strength.PREFIX,
                        "SELECT " + COLUMNS + " FROM customers c WHERE c.email >= ? COLLATE NOCASE AND c.email < ? COLLATE NOCASE LIMIT ?",
                        email.prefix(), upperBound(email.prefix()));
            } else if (query instanceof CustomerQuery.Digits digits) {
                collect(c, found, limit, CustomerMatch.Strength.EXACT,
                        "SELECT " + COLUMNS + " FROM customers c WHERE c.loyalty_card = ? LIMIT ?", digits.cardPrefix());
                collect(c, found, limit, CustomerMatch.Strength.EXACT,
                        "SELECT " + COLUMNS + " FROM customers c WHERE c.phone_digits = ? LIMIT ?", digits.phonePrefix());
                collect(c, found, limit, CustomerMatch.Strength.PREFIX,
                        "SELECT " + COLUMNS + " FROM customers c WHERE c.phone_digits >= ? AND c.phone_digits < ? LIMIT ?",
                        digits.phonePrefix(), upperBound(digits.phonePrefix()));
                collect(c, found, limit, CustomerMatch.Strength.PREFIX,
                        "SELECT " + COLUMNS + " FROM customers c WHERE c.loyalty_card >= ? AND c.loyalty_card < ? LIMIT ?",
                        digits.cardPrefix(), upperBound(digits.cardPrefix()));
            }
            return rank(found, query);
        });
    }

    private static String namesSql() {
        return "SELECT " + COLUMNS + " FROM customers_fts f JOIN customers c ON c.rowid = f.rowid WHERE customers_fts MATCH ? LIMIT ?";
    }

    /** {@code {first_name last_name}: "helene"* AND "mar"*}: every word must start a name word. */
    static String ftsQuery(CustomerQuery.Name name, boolean prefix) {
        return "{first_name last_name}: " + name.words().stream()
                .map(w -> "\"" + w.replace("\"", "") + "\"" + (prefix ? "*" : ""))
                .collect(Collectors.joining(" AND "));
    }

    /** The smallest string greater than every string starting with {@code prefix}. */
    static String upperBound(String prefix) {
        return prefix + Character.MAX_VALUE;
    }

    private static void collect(Connection c, Map<String, CustomerMatch> found, int limit, CustomerMatch.Strength strength,
                                String sql, String... args) throws SQLException {
        if (found.size() >= limit) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String a : args) {
                ps.setString(i++, a);
            }
            // Ask for more than the room left: some rows may already be in the list from a stronger phase.
            ps.setInt(i, limit + found.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && found.size() < limit) {
                    Customer cu = customer(rs);
                    found.putIfAbsent(cu.id(), new CustomerMatch(cu, strength, CustomerMatch.Source.CACHE));
                }
            }
        }
    }

    /** Exact before prefix; then, for names, more whole words matched first; then alphabetical; then newest. */
    private static List<CustomerMatch> rank(Map<String, CustomerMatch> found, CustomerQuery query) {
        List<CustomerMatch> list = new ArrayList<>(found.values());
        Comparator<CustomerMatch> order = Comparator.comparing(CustomerMatch::strength);
        if (query instanceof CustomerQuery.Name name) {
            order = order.thenComparing(m -> -wholeWordsMatched(name, m.customer()))
                    .thenComparing(m -> nameWords(m.customer()).size());
        }
        // Namesakes: the most recently registered first, then the platform's order of ids.
        list.sort(order.thenComparing(m -> CustomerSort.key(m.customer()))
                .thenComparing(m -> m.customer().createdAt(), Comparator.nullsLast(Comparator.<String>reverseOrder())));
        return list;
    }

    private static int wholeWordsMatched(CustomerQuery.Name name, Customer c) {
        List<String> words = nameWords(c);
        return (int) name.words().stream().filter(words::contains).count();
    }

    /** Fewer words besides the ones typed means a closer match ("Hélène Martin" before "Hélène Dubois-Martin"). */
    private static List<String> nameWords(Customer c) {
        return List.of(CustomerQuery.normalize(c.firstName() + " " + c.lastName()).split("[^\\p{L}\\p{N}]+"));
    }

    static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Customer.LoyaltyTier.valueOf(rs.getString(7)), rs.getInt(8), rs.getInt(9) == 1,
                rs.getInt(10) == 1, rs.getString(11));
    }

    /** Alphabetical order by last then first name, ignoring case and accents. */
    static final class CustomerSort {
        private CustomerSort() {
        }

        static String key(Customer c) {
            return CustomerQuery.normalize(c.lastName() + " " + c.firstName());
        }
    }
}

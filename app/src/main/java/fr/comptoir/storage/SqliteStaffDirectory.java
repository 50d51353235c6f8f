package fr.comptoir.storage;

import fr.comptoir.staff.Role;
import fr.comptoir.staff.StaffDirectory;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.stores.Store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff and stores read from the cache database. */
public final class SqliteStaffDirectory implements StaffDirectory {

    private final SqliteDatabase db;

    public SqliteStaffDirectory(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<StaffMember> activeStaff(String storeId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, store_id, display_name, role, pin_hash, active FROM staff
                    WHERE store_id = ? AND active = 1 ORDER BY display_name""")) {
                ps.setString(1, storeId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StaffMember> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(staff(rs));
                    }
                    return list;
                }
            }
        });
    }

    @Override
    public Optional<StaffMember> byId(String staffId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, store_id, display_name, role, pin_hash, active FROM staff WHERE id = ?")) {
                ps.setString(1, staffId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(staff(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<Store> store(String storeId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name, city, type, return_policy, legal FROM stores WHERE id = ?")) {
                ps.setString(1, storeId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Store(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Store.StoreType.valueOf(rs.getString(5)), rs.getString(6) == null ? null
                            : CanonicalJson.codec().decode(rs.getString(6), fr.comptoir.stores.ReturnPolicy.class),
                            rs.getString(7) == null ? null : CanonicalJson.codec().decode(rs.getString(7), fr.comptoir.stores.LegalIdentity.class)))
                            : Optional.empty();
                }
            }
        });
    }

    private static StaffMember staff(ResultSet rs) throws SQLException {
        return new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getString(5), rs.getInt(6) == 1);
    }
}

package fr.comptoir.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the versioned SQL migrations of one database, tracked by SQLite's {@code user_version}.
 *
 * <p>Migrations live in {@code fr/comptoir/storage/<set>/} and are listed, in order, in that
 * folder's {@code migrations.txt} (class-path folders cannot be listed inside a jar). Each one runs in
 * its own transaction together with the version bump, so a failed upgrade leaves the file as it was.
 */
final class Migrations {

    private Migrations() {
    }

    static void apply(SqliteDatabase db, String set) {
        List<String> names = list(set);
        int current = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.getInt(1);
            }
        });
        if (current > names.size()) {
            throw new StorageException("The " + set + " database was written by a newer version of Comptoir (schema "
                    + current + ", this version knows " + names.size() + "); it was left as it is", null, StorageException.Kind.NEWER);
        }
        for (int version = current + 1; version <= names.size(); version++) {
            String name = names.get(version - 1);
            String sql = read(set, name);
            int target = version;
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String statement : splitStatements(sql)) {
                        s.execute(statement);
                    }
                    s.execute("PRAGMA user_version = " + target);
                }
                return null;
            });
        }
    }

    private static List<String> list(String set) {
        String index = read(set, "migrations.txt");
        List<String> names = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    private static String read(String set, String name) {
        String path = "/fr/comptoir/storage/" + set + "/" + name;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new StorageException("Missing migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("Cannot read " + path, e);
        }
    }

    /** Splits on semicolons at line ends; triggers ({@code BEGIN ... END;}) are kept whole. */
    static List<String> splitStatements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase();
            if (upper.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            if (inTrigger ? upper.equals("END;") : trimmed.endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}

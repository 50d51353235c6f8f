package fr.comptoir.sale;

import fr.comptoir.catalog.CatalogReader;
import fr.comptoir.catalog.Gtin;
import fr.comptoir.catalog.VariantInfo;

import java.util.Optional;

/**
 * What a scanned or typed code is: a known item, a code nobody sells, or something that cannot be a
 * barcode at all (a misread, a typo). Nothing changes in the basket unless it is a known item.
 * Blocking (cache): off the JavaFX thread.
 */
public final class ScanLookup {

    /** The outcome of a code. */
    public sealed interface Result {
        record Found(VariantInfo item) implements Result {
        }

        record Unknown(String code) implements Result {
        }

        record Malformed(String code) implements Result {
        }
    }

    private final CatalogReader catalog;
    private final String storeId;

    public ScanLookup(CatalogReader catalog, String storeId) {
        this.catalog = catalog;
        this.storeId = storeId;
    }

    public Result lookup(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty() || code.length() > 40 || !code.matches("[A-Za-z0-9\\-]+")) {
            return new Result.Malformed(code);
        }
        if (code.chars().allMatch(Character::isDigit) && !Gtin.isValid(code)) {
            return new Result.Malformed(code);
        }
        Optional<VariantInfo> item = catalog.byCode(code, storeId);
        return item.<Result>map(Result.Found::new).orElseGet(() -> new Result.Unknown(code));
    }
}

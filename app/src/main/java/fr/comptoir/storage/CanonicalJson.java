package fr.comptoir.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.comptoir.common.JsonCodec;

/**
 * The form in which this terminal keeps its own records (journal, fiscal records, outbox, parked and
 * in-progress baskets, cached entities): our own, not any platform's wire format, so that a record written
 * today reads the same in years and a second platform adapter changes nothing here (decision 0025).
 *
 * <p>Format {@value #FORMAT}: the domain record's components as JSON properties, sorted by name, map
 * entries sorted by key, no insignificant white space, amounts in integer cents, times as ISO-8601
 * text. The same record always gives the same bytes, which a signed chain needs. A change that is not a
 * pure addition of a property gets a new format number; rows keep the number they were written with.
 */
public final class CanonicalJson {

    /** The format of what {@link #codec()} writes. 0 marks rows written before formats were numbered (same mapping, unsorted). */
    public static final int FORMAT = fr.comptoir.common.RecordFormat.CURRENT;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // A record written by a later version may carry a property this one does not know: it is still read.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private static final JsonCodec CODEC = new JsonCodec() {
        @Override
        public String encode(Object value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot encode " + value.getClass().getSimpleName(), e);
            }
        }

        @Override
        public <T> T decode(String json, Class<T> type) {
            try {
                return MAPPER.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Stored JSON is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
    };

    private CanonicalJson() {
    }

    public static JsonCodec codec() {
        return CODEC;
    }
}

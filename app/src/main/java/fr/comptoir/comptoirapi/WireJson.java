package fr.comptoir.comptoirapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for the Commerce API's JSON. Records of the domain map one to one to
 * the contract's schemas (see docs/decisions/0004); unknown fields are ignored so that the platform
 * may add fields without breaking terminals in the field, but a missing or mistyped field fails.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private WireJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Encodes a value as the contract's JSON. */
    public static String encode(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode " + payload.getClass().getSimpleName(), e);
        }
    }
}

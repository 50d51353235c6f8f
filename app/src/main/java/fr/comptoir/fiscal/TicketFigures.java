package fr.comptoir.fiscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The figures French rules want named for a ticket (total incl. VAT, number, type, line count), read from
 * a ticket record's body as the verifier and the reports see it. Reads the body alone, so that an archive
 * needs nothing else.
 */
public record TicketFigures(String ticketNumber, String type, long totalCents, int lineCount) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the body is not a ticket */
    public static TicketFigures of(String body) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (n == null || !n.path("totalCents").canConvertToLong() || !n.path("totalCents").isIntegralNumber()) {
            throw new IllegalArgumentException("a ticket without its total");
        }
        return new TicketFigures(n.path("ticketNumber").asText(""), n.path("type").asText("SALE"), n.path("totalCents").asLong(),
                n.path("lines").size());
    }
}

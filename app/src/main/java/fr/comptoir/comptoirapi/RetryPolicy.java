package fr.comptoir.comptoirapi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before retrying a request that failed for a temporary reason:
 * exponential backoff with jitter, or the server's {@code Retry-After} when it gives one (capped).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(300), Duration.ofSeconds(10));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** The wait before attempt {@code attempt + 1} (attempts count from 1). */
    public Duration delayAfter(int attempt, String retryAfterHeader, Instant now) {
        Duration fromServer = parseRetryAfter(retryAfterHeader, now);
        if (fromServer != null) {
            return fromServer.compareTo(maxDelay) > 0 ? maxDelay : fromServer;
        }
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, maxDelay.toMillis());
        long jitter = capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - capped / 8 + jitter);
    }

    /** Reads {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}

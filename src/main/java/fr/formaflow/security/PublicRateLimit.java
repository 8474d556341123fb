package fr.formaflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what one client address may ask of the endpoints that need no account (/public: access requests, password
 * resets and links, SIRET look-ups, the catalogue), issue 27: 15 access requests in half a second made 16 review
 * tasks. Each address has two token buckets: one for changes (POST…: {@code writes} in a burst, given back one by
 * one over {@code writePeriod}) and one for reads ({@code reads} over {@code readPeriod}). An empty bucket answers a
 * French 429 with {@code Retry-After}, before anything is read or started.
 *
 * <p>Buckets live in a bounded Caffeine cache (a flood of addresses cannot exhaust memory) and expire when full
 * again. The client address is the connection's, as for {@link LoginThrottle}.
 */
public class PublicRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicRateLimit.class);

    /** How many requests a bucket holds, and the time it takes to fill up again from empty. */
    public record Limit(int capacity, Duration period) {

        double tokensPerNano() {
            return capacity / (double) period.toNanos();
        }
    }

    /** Electronic attendance's signing links (see attendance's Signatures). */
    static final String SIGNATURES = "/public/signatures/";

    private volatile Limit writes;
    private volatile Limit reads;
    private final Cache<String, Bucket> buckets;

    public PublicRateLimit(Limit writes, Limit reads) {
        this.writes = writes;
        this.reads = reads;
        Duration longest = writes.period().compareTo(reads.period()) > 0 ? writes.period() : reads.period();
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(longest).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // a whole class signs its half-day from one address (the centre's Wi-Fi): a signature, made with a single-use link of
        // 256 random bits, counts against the reads' allowance, not the 15 changes an hour
        boolean write = !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod()))
                && !request.getRequestURI().startsWith(request.getContextPath() + SIGNATURES);
        Limit limit = write ? writes : reads;
        String key = (write ? "w " : "r ") + request.getRemoteAddr();
        long waitNanos = buckets.get(key, k -> new Bucket(limit.capacity())).take(limit, System.nanoTime());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            log.warn("Public {} from {} refused for {} s: more than {} in {}", write ? "change" : "read", request.getRemoteAddr(), seconds,
                    limit.capacity(), limit.period());
            LoginThrottle.tooManyRequests(response, seconds, "Trop de demandes depuis votre adresse : réessayez dans "
                    + (seconds < 120 ? seconds + " secondes" : (seconds + 59) / 60 + " minutes") + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The tests' own limits (their profile lifts them, since every test connects from loopback); empties every bucket. */
    void limits(Limit writes, Limit reads) {
        this.writes = writes;
        this.reads = reads;
        buckets.invalidateAll();
    }

    Limit writes() {
        return writes;
    }

    Limit reads() {
        return reads;
    }

    /** A token bucket: full at first, one token per request, given back continuously at the limit's rate. */
    static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(int capacity) {
            this.tokens = capacity;
            this.updatedAt = System.nanoTime();
        }

        /** Takes a token: 0 if there was one, else how long (ns) until there is one. */
        synchronized long take(Limit limit, long now) {
            tokens = Math.min(limit.capacity(), tokens + (now - updatedAt) * limit.tokensPerNano());
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / limit.tokensPerNano());
        }
    }
}

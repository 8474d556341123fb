package fr.formaflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing per client address, on every way in that takes a password (HTTP basic on /api and
 * /engine-rest, the webapps' login form): after {@code maxFailures} wrong logins from one address within
 * {@code window}, that address gets a French 429 until the window has passed, whatever account it tries. The
 * per-account slowing down is the engine's (Camunda's login delay, see FailedLogins).
 *
 * <p>Counters live in a bounded Caffeine cache (a flood of addresses cannot exhaust memory) and expire by themselves.
 * The client address is the connection's: Formaflow trusts no forwarding header unless the servlet container is
 * configured to (server.forward-headers-strategy).
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private volatile int maxFailures;
    private final Duration window;
    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(window).build();
    }

    /** The client address of the request being served on this thread (for the alerts), or null. */
    public static String currentAddress() {
        return ADDRESS.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesPassword(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        AtomicInteger count = failures.getIfPresent(address);
        if (count != null && count.get() >= maxFailures) {
            long minutes = Math.max(1, window.toMinutes());
            tooManyRequests(response, window.toSeconds(), "Trop de tentatives de connexion depuis votre adresse : réessayez dans "
                    + minutes + " minutes.");
            return;
        }
        ADDRESS.set(address);
        try {
            chain.doFilter(request, response);
        } finally {
            ADDRESS.remove();
        }
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            int now = failures.get(address, key -> new AtomicInteger()).incrementAndGet();
            if (now == maxFailures) {
                log.warn("Login attempts from {} refused for {}: {} wrong passwords", address, window, now);
            }
        }
    }

    /** A French 429 in JSON, with Retry-After (seconds). */
    static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, String message) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"" + message + "\",\"details\":[]}");
    }

    int maxFailures() {
        return maxFailures;
    }

    /** The tests' own limit (their profile lifts it, since every test connects from loopback). */
    void maxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    /** Forgets an address's failures (an operator's decision; tests). */
    public void forget(String address) {
        failures.invalidate(address);
    }

    /** HTTP basic credentials, or the webapps' login form. */
    static boolean carriesPassword(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod()) && path != null && path.contains("/api/admin/auth/user/") && path.contains("/login/");
    }
}

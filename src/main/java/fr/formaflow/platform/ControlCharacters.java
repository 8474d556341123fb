package fr.formaflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query-string parameters carrying control characters (a NUL, which PostgreSQL refuses in any text, a bell, an escape)
 * are refused with a French 400 before any search runs: {@code /api/dossiers/search?q=%00} ended in a 500 on
 * PostgreSQL. Tabs and line breaks are ordinary text and pass.
 */
@Configuration
public class ControlCharacters {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The name of the first query parameter whose name or value holds a control character. */
    static Optional<String> firstRefusedParameter(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (hasControlCharacter(name) || hasControlCharacter(value)) {
                return Optional.of(QueryParameters.shorten(name.replaceAll("\\p{Cc}", "?"), 40));
            }
        }
        return Optional.empty();
    }

    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r');
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // the servlet container refuses malformed encodings itself
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> controlCharactersInQueries() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<String> refused = firstRefusedParameter(request.getQueryString());
                if (refused.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("application/json;charset=UTF-8");
                List<String> details = new ArrayList<>();
                details.add("Le paramètre « " + refused.get() + " » contient des caractères de contrôle, qui ne sont pas acceptés.");
                response.getWriter().write(JSON.writeValueAsString(new ApiErrorHandler.ApiError(
                        "La requête est invalide : " + details.get(0), details)));
            }
        });
        registration.setName("control-characters-in-queries");
        registration.addUrlPatterns("/api/*", "/public/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

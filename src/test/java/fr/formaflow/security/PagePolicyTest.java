package fr.formaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Issue 27: the pages' Content-Security-Policy allowed inline scripts, and the Origin check of session calls ignored
 * http vs https. Pages now run only script files, and the check compares scheme, host and port.
 */
class PagePolicyTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void pagesRunNoInlineScriptAndThePolicyAllowsNone() throws IOException {
        assertThat(SecurityHeaders.PAGE_POLICY).contains("script-src 'self';").doesNotContain("script-src 'self' 'unsafe-inline'");
        List<Path> pages;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/static"))) {
            pages = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            String html = Files.readString(page);
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(page + ": an inline <script>").isFalse();
            assertThat(EVENT_ATTRIBUTE.matcher(html).find()).as(page + ": an on…= attribute").isFalse();
            assertThat(html).as(page.toString()).doesNotContain("javascript:");
        }
    }

    @Test
    void aSessionChangeMustComeFromThePagesSchemeHostAndPort() {
        assertThat(sameOrigin("https", "formaflow.fr", "https://formaflow.fr")).isTrue();
        assertThat(sameOrigin("https", "formaflow.fr", "https://FORMAFLOW.fr:443")).isTrue();
        assertThat(sameOrigin("http", "localhost:8080", "http://localhost:8080")).isTrue();
        assertThat(sameOrigin("https", "formaflow.fr", "http://formaflow.fr")).as("http page, https API").isFalse();
        assertThat(sameOrigin("http", "formaflow.fr", "https://formaflow.fr")).as("https page, http API").isFalse();
        assertThat(sameOrigin("https", "formaflow.fr", "https://formaflow.fr:8443")).isFalse();
        assertThat(sameOrigin("https", "formaflow.fr", "https://formaflow.fr.attaquant.example")).isFalse();
        assertThat(sameOrigin("https", "formaflow.fr", "null")).isFalse();
        assertThat(sameOrigin("https", "formaflow.fr", "not a url")).isFalse();
    }

    private static boolean sameOrigin(String scheme, String host, String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/dossiers");
        request.setScheme(scheme);
        request.addHeader("Host", host);
        request.addHeader("Origin", origin);
        return ApiAuthenticationFilter.sameOrigin(request);
    }
}

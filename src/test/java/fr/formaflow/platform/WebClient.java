package fr.formaflow.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for tests: keeps cookies like a browser, logs into the Camunda webapps. */
public class WebClient {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    public HttpResponse<String> getAs(String user, String password, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user, password)).GET().build());
    }

    /** A file as bytes (PDFs), with HTTP basic. */
    public byte[] getBytes(String user, String password, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user, password)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String user, String password, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A JSON POST with the browser session's cookies, from a page of the given origin (null: no Origin header). */
    public HttpResponse<String> postJsonFromPage(String origin, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request.build());
    }

    /** Any method, with HTTP basic (user null: anonymous) and an optional JSON body. */
    public HttpResponse<String> call(String user, String password, String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A multipart/form-data upload of one file with text fields, as a browser's form would send it. */
    public HttpResponse<String> upload(String user, String password, String path, Map<String, String> fields, String filename, byte[] content) {
        return uploadFiles(user, password, path, fields, Map.of("file", Map.entry(filename, content)));
    }

    /** A multipart/form-data post of text fields and files (part name → file name and content). */
    public HttpResponse<String> uploadFiles(String user, String password, String path, Map<String, String> fields,
                                            Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----formaflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((part, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user, password))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Logs into a webapp as the login page does: the XSRF cookie from a first GET, then the form post. */
    public HttpResponse<String> login(String app, String user, String password) {
        get("/camunda/app/" + app + "/default/");
        String form = "username=" + encode(user) + "&password=" + encode(password);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

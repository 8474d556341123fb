package fr.formaflow.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that no controller answered (unknown address, wrong method, a request the server could not even read) are
 * French JSON sentences too, like every error of Formaflow's API: Spring's /error page and Tomcat's own error report
 * (for requests refused before they reach the application) are both replaced.
 */
@RestController
public class HttpErrors implements ErrorController {

    public static final String AUTHENTICATION_REQUIRED = "Authentification requise : connectez-vous avec votre identifiant et votre mot de passe.";

    public static String sentence(int status) {
        return switch (status) {
            case 400 -> "La requête est invalide : vérifiez l'adresse et les données envoyées.";
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> "Vous n'avez pas accès à cette ressource.";
            case 404 -> "Cette adresse n'existe pas.";
            case 405 -> "Cette opération n'est pas possible à cette adresse.";
            case 406, 415 -> "Ce format de données n'est pas accepté ici.";
            case 413 -> "La requête ou le fichier dépasse la taille autorisée.";
            default -> status >= 500 ? "Une erreur inattendue est survenue ; l'équipe d'exploitation en est avertie. Réessayez dans un instant."
                    : "La requête n'a pas pu être traitée.";
        };
    }

    @RequestMapping("/error")
    ResponseEntity<ApiErrorHandler.ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiErrorHandler.ApiError(sentence(status), List.of()));
    }

    /** Tomcat's report for requests refused before reaching the application (malformed URL, bad encoding). */
    public static class JsonErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(new ApiErrorHandler.ApiError(sentence(status), List.of())));
                    response.finishResponse();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                // the client went away: nothing to tell it
            }
        }
    }

    @Component
    static class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(JsonErrorReportValve.class.getName()));
        }
    }
}

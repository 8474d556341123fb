package fr.formaflow.organisation;

import fr.formaflow.account.Accounts;
import fr.formaflow.account.ResetRequests;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What anybody may do without an account (/public): ask for one, reset a forgotten password, set it from an e-mailed link. */
@RestController
public class SignUpController {

    public record Message(String message) {
    }

    public record ResetRequest(String login) {
    }

    public record NewPassword(String token, String password) {
    }

    private final Onboarding onboarding;
    private final Accounts accounts;
    private final ResetRequests resets;

    public SignUpController(Onboarding onboarding, Accounts accounts, ResetRequests resets) {
        this.onboarding = onboarding;
        this.accounts = accounts;
        this.resets = resets;
    }

    @GetMapping("/public/organisations/{siret}")
    @Operation(summary = "Un SIRET est-il déjà référencé ? (première étape de la demande d'accès)")
    public Onboarding.SiretLookup lookup(@PathVariable String siret) {
        return onboarding.lookup(siret);
    }

    @PostMapping("/public/access-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Demander un accès pour un organisme, avec sa fiche s'il n'est pas encore référencé")
    public Message requestAccess(@RequestBody Onboarding.AccessRequest request) {
        return new Message(onboarding.request(request));
    }

    @PostMapping("/public/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mot de passe oublié : envoie un lien par e-mail si le compte existe")
    public Message requestReset(@RequestBody ResetRequest request) {
        resets.request(request == null ? null : request.login());
        return new Message("Si cet identifiant ou cette adresse correspond à un compte, un e-mail vient d'y être envoyé avec un lien "
                + "valable une heure pour choisir un nouveau mot de passe.");
    }

    @PostMapping("/public/passwords")
    @Operation(summary = "Choisir son mot de passe avec le lien reçu par e-mail (activation ou réinitialisation)")
    public Message setPassword(@RequestBody NewPassword request) {
        String userId = accounts.setPassword(request.token(), request.password());
        return new Message("Votre mot de passe est enregistré. Connectez-vous avec l'identifiant " + userId + ".");
    }
}

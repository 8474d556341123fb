package fr.formaflow.funder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a funder's organisations get help, as each seed's platform says it: the service to contact, its days and hours,
 * phone and e-mail, and what to quote in every request (OPCO Santé's « numéro de l'action », the Région's contract
 * number). Blank when the funder has not recorded it.
 */
@Embeddable
public record FunderHelp(@Column(name = "help_service") String service, @Column(name = "help_hours") String hours,
                         @Column(name = "help_phone") String phone, @Column(name = "help_email") String email,
                         @Column(name = "help_quote") String quote) {

    public static final FunderHelp NONE = new FunderHelp(null, null, null, null, null);
}

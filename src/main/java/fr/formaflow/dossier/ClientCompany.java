package fr.formaflow.dossier;

import jakarta.persistence.Embeddable;

/** A client of the action: the company whose staff is trained (it signs the training agreement). */
@Embeddable
public record ClientCompany(String name, String siret, String address, String email, String opco) {
}

package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The English detector of the browser journeys: it must catch Camunda's words and leave French and names alone. */
class FrenchOnlyTest {

    @Test
    void findsCamundasEnglishWords() {
        assertThat(FrenchOnly.englishWords("Nothing selected\nDate de création\nDecember 2026\nSun Mon Tue\njj/mm/aaaa dd/mm/yyyy"))
                .containsExactly("Nothing", "selected", "December", "Sun", "Tue", "dd", "yyyy");
        assertThat(FrenchOnly.englishWords("3650 days")).containsExactly("days");
        assertThat(FrenchOnly.englishWords("ID de l'instance parente : null")).containsExactly("null");
    }

    @Test
    void leavesFrenchNamesAndIdentifiersAlone() {
        assertThat(FrenchOnly.englishWords("Formaflow Suivi des processus — Camunda, Cockpit, Tasklist. Incidents ouverts : "
                + "Type, Message, Date, Version, Variables, Instance. Mon profil, mar. 5 mai, somme due. "
                + "Cliquer pour copier « Task_GenerateAgreement ». Empreinte 18517e952ff77940afd36082aaa8001d59aead73718e20c612f5a2e73f675add")).isEmpty();
    }
}

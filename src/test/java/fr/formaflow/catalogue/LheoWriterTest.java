package fr.formaflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The LHÉO document, parsed back with a DOM parser: structure, order, dates, lengths and the organisation's potential. */
class LheoWriterTest {

    static final PublicOfferSearch.Session SESSION = new PublicOfferSearch.Session(41, "Régisseur lumière de spectacle",
            "Régie lumière : implantation, conduite et maintenance.", "Implantation, conduite, maintenance.",
            List.of(new OfferModule("Formation en centre", new BigDecimal("140.5")), new OfferModule("Période en entreprise", new BigDecimal("70"))),
            "45054", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 26), "Clermont-l'Hérault", "34800", 0,
            "Action financée par Région Occitanie, retenue lors du vote du 01/12/2025.", LocalDate.of(2025, 12, 1),
            "Scènes et Formations", "Marie Durand", "04 67 00 00 00", "contact@scenes-formations.fr");

    static final LheoWriter.Responsible ORGANISATION = new LheoWriter.Responsible("42110064500017", "76340123434", "Scènes et Formations",
            "12 rue des Arts", "34000", "Montpellier", "04 67 11 11 11", "accueil@scenes-formations.fr", "Paul Martin", null,
            TrainingPotentialTest.COMPLETE);

    @Test
    void oneFormationPerSessionInLheosOrderWithDatesAsAaaammjj() throws Exception {
        Document lheo = write(List.of(SESSION));

        Element root = lheo.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://lheo.gouv.fr/2.3");
        assertThat(root.getLocalName()).isEqualTo("lheo");
        Element formation = only(lheo, "formation");
        assertThat(formation.getAttribute("numero")).isEqualTo("41");
        assertThat(childNames(formation)).containsExactly("domaine-formation", "intitule-formation", "objectif-formation",
                "resultats-attendus", "contenu-formation", "certifiante", "contact-formation", "parcours-de-formation",
                "code-niveau-entree", "action", "organisme-formation-responsable");
        assertThat(childNames(only(lheo, "action"))).containsExactly("rythme-formation", "code-public-vise", "niveau-entree-obligatoire",
                "modalites-alternance", "modalites-enseignement", "conditions-specifiques", "prise-en-charge-frais-possible",
                "lieu-de-formation", "modalites-entrees-sorties", "session", "acces-handicapes", "nombre-heures-total",
                "detail-conditions-prise-en-charge", "organisme-formateur");
        assertThat(texts(lheo, "debut")).containsExactly("20260302");
        assertThat(texts(lheo, "fin")).containsExactly("20260626");
        assertThat(texts(lheo, "intitule-formation")).containsExactly("Régisseur lumière de spectacle");
        assertThat(texts(only(lheo, "domaine-formation"), "code-FORMACODE")).containsExactly("45054");
        assertThat(texts(lheo, "contenu-formation").get(0)).isEqualTo("Implantation, conduite, maintenance.\n"
                + "- Formation en centre : 140.5 h\n- Période en entreprise : 70 h");
        assertThat(texts(lheo, "nombre-heures-total")).containsExactly("211");
        assertThat(texts(lheo, "etat-recrutement")).as("no free place: recruitment closed").containsExactly("2");
        assertThat(texts(only(lheo, "lieu-de-formation"), "ville")).containsExactly("Clermont-l'Hérault");
        assertThat(texts(only(lheo, "adresse-inscription"), "ligne")).as("registration at the organisation").containsExactly("12 rue des Arts");
        assertThat(texts(only(lheo, "contact-formation"), "nom")).containsExactly("Marie Durand");
    }

    @Test
    void theResponsibleOrganisationCarriesItsSiretAndItsPotential() throws Exception {
        Document lheo = write(List.of(SESSION));

        Element responsible = only(lheo, "organisme-formation-responsable");
        assertThat(childNames(responsible)).containsExactly("numero-activite", "SIRET-organisme-formation", "nom-organisme",
                "raison-sociale", "coordonnees-organisme", "contact-organisme", "renseignements-specifiques", "potentiel");
        assertThat(texts(responsible, "numero-activite")).containsExactly("76340123434");
        assertThat(texts(only(responsible, "SIRET-organisme-formation"), "SIRET")).containsExactly("42110064500017");
        assertThat(texts(only(responsible, "potentiel"), "code-FORMACODE")).containsExactly("45054", "45065");
        assertThat(texts(only(responsible, "contact-organisme"), "courriel")).as("the registration contact of the potential")
                .containsExactly("inscriptions@scenes-formations.fr");
        assertThat(texts(responsible, "renseignements-specifiques").get(0)).contains("Centre de formation aux métiers du spectacle vivant.",
                "Lieux de formation : Théâtre, 12 rue des Arts", "Nombre de formateurs : 6");
        assertThat(texts(lheo, "acces-handicapes")).containsExactly("Locaux de plain-pied, référent handicap.");
    }

    @Test
    void withoutAPotentialTheOrganisationsOwnRecordStandsInAndLongTextsAreCut() throws Exception {
        PublicOfferSearch.Session longTitle = new PublicOfferSearch.Session(42, "T".repeat(300), "Objectifs\u0007 du stage", "Programme",
                List.of(), "45065", LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 29), "Montpellier", "34000", 12, null, null,
                "Scènes et Formations", "Marie Durand", null, "contact@scenes-formations.fr");
        LheoWriter.Responsible bare = new LheoWriter.Responsible("42110064500017", "CFA", "Scènes et Formations", null, null, null,
                null, "accueil@scenes-formations.fr", "Paul Martin", null, TrainingPotential.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LheoWriter writer = new LheoWriter(out);
        writer.formation(longTitle, bare);
        writer.finish();
        Document lheo = parse(out.toByteArray());

        assertThat(texts(lheo, "intitule-formation").get(0)).hasSize(255).endsWith("T…");
        assertThat(texts(lheo, "objectif-formation")).as("a control character XML cannot carry").containsExactly("Objectifs du stage");
        assertThat(texts(lheo, "numero-activite")).containsExactly(LheoWriter.NO_NDA);
        assertThat(texts(lheo, "etat-recrutement")).containsExactly("1");
        assertThat(texts(only(lheo, "contact-organisme"), "nom")).containsExactly("Paul Martin");
        assertThat(texts(only(lheo, "adresse-inscription"), "ville")).as("no address of its own: the session's place").containsExactly("Montpellier");
        assertThat(all(lheo, "potentiel").getLength()).isZero();
        assertThat(all(lheo, "renseignements-specifiques").getLength()).isZero();
        assertThat(all(lheo, "nombre-heures-total").getLength()).isZero();
    }

    @Test
    void anEmptyCatalogueIsStillADocument() throws Exception {
        Document lheo = write(List.of());
        assertThat(childNames(lheo.getDocumentElement())).containsExactly("offres");
        assertThat(all(lheo, "formation").getLength()).isZero();
    }

    private static Document write(List<PublicOfferSearch.Session> sessions) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LheoWriter writer = new LheoWriter(out);
        sessions.forEach(s -> writer.formation(s, ORGANISATION));
        writer.finish();
        return parse(out.toByteArray());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The text of every LHÉO element of that name under the node, in document order. */
    static List<String> texts(Node node, String name) {
        NodeList found = all(node, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent());
        }
        return texts;
    }

    static Element only(Node node, String name) {
        NodeList found = all(node, name);
        assertThat(found.getLength()).as(name).isEqualTo(1);
        return (Element) found.item(0);
    }

    /** Every LHÉO element of that name under the node (a document or an element). */
    static NodeList all(Node node, String name) {
        return node instanceof Document document ? document.getElementsByTagNameNS(LheoWriter.NAMESPACE, name)
                : ((Element) node).getElementsByTagNameNS(LheoWriter.NAMESPACE, name);
    }

    static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                assertThat(e.getNamespaceURI()).isEqualTo(LheoWriter.NAMESPACE);
                names.add(e.getLocalName());
            }
        }
        return names;
    }
}

package fr.formaflow.documents;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Uploads are checked by what the file is, not by its name; a refused file leaves nothing behind. */
@FormaflowTest
class DocumentUploadTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void onlyReadablePdfsAndImagesWithinTheSizeLimitAreKept() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Pièces");

        assertRefused(action, "scan.pdf", "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII), "est un PDF illisible ou endommagé");
        assertRefused(action, "contrat.pdf", "PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1), "n'est ni un PDF, ni une image JPEG ou PNG");
        assertRefused(action, "vide.pdf", new byte[0], "Le fichier « vide.pdf » est vide.");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(DossierDriver.pdf(), 0, huge, 0, 10);
        assertRefused(action, "enorme.pdf", huge, "dépasse la taille autorisée (10 Mo)");
        long stored = list(action);
        assertThat(stored).as("nothing stored").isZero();

        upload(action, "contrat.pdf", DossierDriver.pdf());
        upload(action, "photo.jpg", image("jpg", 40, 30));
        upload(action, "scan.png", image("png", 40, 30));
        java.util.List<String> types = transactions.execute(s -> documents.of(driver.reload(action)).stream().map(Document::getContentType).toList());
        assertThat(types).containsExactlyInAnyOrder("application/pdf", "image/jpeg", "image/png");
        assertRefused(action, "convention.pdf", DossierDriver.pdf(), DocumentType.TRAINING_AGREEMENT,
                "est produit par Formaflow : versez la version signée");
    }

    /** Issue 27: a PDF with an OpenAction JavaScript was accepted, images were checked on their first bytes only. */
    @Test
    void pdfsWithActiveContentAndImagesThatDoNotDecodeAreRefused() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Pièces actives");

        assertRefused(action, "ouverture.pdf", pdf(document -> {
            PDActionJavaScript script = new PDActionJavaScript("app.alert('bonjour');");
            document.getDocumentCatalog().setOpenAction(script);
        }), "« ouverture.pdf » contient un script (JavaScript)");
        assertRefused(action, "noms.pdf", pdf(document -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(java.util.Map.of("init", new PDActionJavaScript("this.print();")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        }), "contient un script (JavaScript)");
        assertRefused(action, "lien.pdf", pdf(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("calc.exe")));
            link(document, launch);
        }), "contient une action « Launch »");
        assertRefused(action, "piece-jointe.pdf", pdf(document -> {
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile("facture.exe");
            file.setEmbeddedFile(new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(new byte[] {'M', 'Z'})));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(java.util.Map.of("facture.exe", file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        }), "contient un fichier joint");
        assertRefused(action, "formulaire.pdf", pdf(document -> {
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDTextField field = new PDTextField(form);
            field.setPartialName("montant");
            PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
            actions.setK(new PDActionJavaScript("event.value = 0;"));
            field.getCOSObject().setItem(COSName.AA, actions);
            form.getFields().add(field);
        }), "contient un script (JavaScript)");
        // a harmless link to a web page and to a page stay
        upload(action, "liens.pdf", pdf(document -> {
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://www.formaflow.fr/");
            link(document, uri);
        }));

        byte[] jpeg = image("jpg", 40, 30);
        assertRefused(action, "tronquee.jpg", java.util.Arrays.copyOf(jpeg, 40), "est une image illisible ou endommagée");
        byte[] png = image("png", 40, 30);
        byte[] garbled = png.clone();
        for (int i = 60; i < garbled.length - 20; i++) {
            garbled[i] = (byte) 0x5A;
        }
        assertRefused(action, "brouillee.png", garbled, "est une image illisible ou endommagée");
        assertRefused(action, "deguisee.png", "\u0089PNG\r\n\u001a\n<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1),
                "est une image illisible ou endommagée");
        assertRefused(action, "bombe.png", pngHeader(100_000, 100_000), "est trop grande (100000 × 100000 pixels");
        assertThat(list(action)).as("only the harmless PDF is kept").isEqualTo(1);
    }

    /** Issue 27: a right-to-left override in a file name was kept (« facture‮fdp.exe » shows as « factureexe.pdf »). */
    @Test
    void fileNamesAreNormalisedAndKeepTheirExtension() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Noms de pièces");
        upload(action, "facture\u202Efdp.exe", DossierDriver.pdf());
        upload(action, "..\\..\\etc/passwd\u0000\u0007 signe\u0301.pdf", DossierDriver.pdf());
        upload(action, "x".repeat(200) + ".pdf", DossierDriver.pdf());
        upload(action, "photo.jpeg", image("jpg", 4, 4));
        upload(action, "\u2066\u200B", DossierDriver.pdf());
        java.util.List<String> names = transactions.execute(s -> documents.of(driver.reload(action)).stream().map(Document::getFilename).toList());
        assertThat(names).containsExactlyInAnyOrder("facturefdp.exe.pdf", "_.._etc_passwd signé.pdf", "x".repeat(96) + ".pdf",
                "photo.jpeg", "subcontracting_contract.pdf");
        assertThat(UploadedFiles.safeName("e\u0301t\u00E9.png", "piece", "image/png")).isEqualTo("\u00E9t\u00E9.png").hasSize(7);
    }

    static void link(PDDocument document, org.apache.pdfbox.pdmodel.interactive.action.PDAction action) throws java.io.IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(10, 10, 100, 20));
        link.setAction(action);
        document.getPage(0).getAnnotations().add(link);
    }

    interface PdfChange {
        void apply(PDDocument document) throws java.io.IOException;
    }

    static byte[] pdf(PdfChange change) throws java.io.IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format, int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 7 + y * 13) * 0x010101 & 0xFFFFFF);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, format, out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The first bytes of a PNG that claims to be width × height pixels: decoding it would take gigabytes. */
    static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
        crc.update(ihdr.array());
        return java.nio.ByteBuffer.allocate(8 + 25 + 12).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(ihdr.array()).putInt((int) crc.getValue())
                .putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082).array();
    }

    void upload(TrainingAction action, String name, byte[] content) {
        transactions.executeWithoutResult(s -> documents.upload(new DossierDriver(context).reload(action), DocumentType.SUBCONTRACTING_CONTRACT,
                null, name, content, ORGANISATION_USER));
    }

    void assertRefused(TrainingAction action, String name, byte[] content, String message) {
        assertRefused(action, name, content, DocumentType.SUBCONTRACTING_CONTRACT, message);
    }

    void assertRefused(TrainingAction action, String name, byte[] content, DocumentType type, String message) {
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> documents.upload(new DossierDriver(context).reload(action), type,
                null, name, content, ORGANISATION_USER)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(message);
    }

    long list(TrainingAction action) {
        return transactions.execute(s -> (long) documents.of(new DossierDriver(context).reload(action)).size());
    }
}

package fr.formaflow.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import javax.xml.transform.TransformerFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What turns a PDF whose fonts are all embedded into PDF/A-3u: XMP metadata that declares it and repeats the Info
 * dictionary (title, producer, dates), and an sRGB output intent. PDFBox has no ICC profile of its own: the JDK's is used.
 */
final class PdfA {

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

    static {
        // JAXP searches every jar of the class path for a TransformerFactory at each newInstance(), and XMPBox asks for
        // one per document (ours, and Mustang's for each Factur-X invoice): a third of an invoice's time. Naming the
        // implementation that search finds keeps the same one and skips the search.
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY, TransformerFactory.newInstance().getClass().getName());
        }
    }

    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    /** Each new XmpSerializer looks up JAXP's factories through every jar of the class path: a tenth of a document's time. */
    private static final Reusable<XmpSerializer> SERIALIZERS = new Reusable<>(XmpSerializer::new);

    private PdfA() {
    }

    static void declare(PDDocument doc, String title, String producer) throws IOException {
        Calendar now = Calendar.getInstance();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(producer);
        info.setCreator(producer);
        info.setCreationDate(now);
        info.setModificationDate(now);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.setFormat("application/pdf");
        xmp.createAndAddAdobePDFSchema().setProducer(producer);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(producer);
        basic.setCreateDate(now);
        basic.setModifyDate(now);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        XmpSerializer serializer = SERIALIZERS.take();
        try {
            id.setPart(3);
            id.setConformance("U");
            serializer.serialize(xmp, serialized, true);
        } catch (Exception e) {
            throw new IOException("XMP metadata could not be written", e);
        } finally {
            SERIALIZERS.giveBack(serializer);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(serialized.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB_PROFILE));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
        doc.setVersion(1.7f);
    }
}

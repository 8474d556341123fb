package fr.formaflow.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What an uploaded file really is, read by the libraries that open it, never by its name or a byte search (issue 27:
 * a PDF with an OpenAction JavaScript was accepted, images were checked on their first bytes, a right-to-left
 * override in a name was kept). A PDF is parsed by PDFBox and every object reachable from its trailer is inspected;
 * an image is decoded in full by ImageIO; a name is normalised before it is stored or offered for download.
 */
public final class UploadedFiles {

    /** Longest name kept (its extension included); the name as sent may have up to 255 characters. */
    static final int MAX_NAME = 100;
    /** The largest image decoded: 30 million pixels (a page scanned at 600 dpi is 35 million; at 300 dpi, 9). */
    static final long MAX_PIXELS = 30_000_000L;
    static final int MAX_SIDE = 20_000;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Actions that run something, send something or open another file; links to pages and web addresses stay. */
    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "SubmitForm", "GoToE", "Rendition");
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");

    private UploadedFiles() {
    }

    /** The type its first bytes announce (checked further by {@link #problemWith}); null if not an accepted type. */
    static String announcedType(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return "application/pdf";
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return "image/jpeg";
        }
        if (startsWith(content, PNG_MAGIC)) {
            return "image/png";
        }
        return null;
    }

    /** Why a file of this announced type is refused (French, naming the file), or null if it is accepted. */
    static String problemWith(String name, String type, byte[] content) {
        return type.equals("application/pdf") ? pdfProblem(name, content) : imageProblem(name, type, content);
    }

    private static String pdfProblem(String name, byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.getNumberOfPages() == 0) {
                return "Le fichier « " + name + " » est un PDF illisible ou endommagé : enregistrez-le de nouveau et réessayez.";
            }
            String active = activeContent(pdf.getDocument().getTrailer());
            return active == null ? null
                    : "Le fichier « " + name + " » contient " + active + " : Formaflow n'accepte que des PDF sans contenu actif. "
                    + "Imprimez-le en PDF (ou numérisez la pièce signée) et versez ce nouveau fichier.";
        } catch (IOException | RuntimeException e) {
            return "Le fichier « " + name + " » est un PDF illisible ou endommagé : enregistrez-le de nouveau et réessayez.";
        }
    }

    /**
     * The first active content found among the objects reachable from the trailer, described in French: scripts
     * (OpenAction or annotation or form-field actions, the document's JavaScript names), launch, import, submit or
     * embedded-go-to actions, embedded files and attachments, XFA forms, rich media. Null if there is none.
     */
    static String activeContent(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> toVisit = new ArrayDeque<>();
        toVisit.push(trailer);
        while (!toVisit.isEmpty()) {
            COSBase next = toVisit.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSDictionary dictionary) {
                String found = activeIn(dictionary);
                if (found != null) {
                    return found;
                }
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    toVisit.push(entry.getValue());
                }
            } else if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    toVisit.push(array.get(i));
                }
            }
        }
        return null;
    }

    private static String activeIn(COSDictionary dictionary) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (action != null && ACTIVE_ACTIONS.contains(action.getName())) {
            return action.getName().equals("JavaScript") ? "un script (JavaScript)" : "une action « " + action.getName() + " »";
        }
        if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(JAVASCRIPT)) {
            return "un script (JavaScript)";
        }
        if (dictionary.containsKey(EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
                || EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            return "un fichier joint";
        }
        if (dictionary.containsKey(COSName.XFA)) {
            return "un formulaire XFA";
        }
        if (RICH_MEDIA.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            return "un contenu multimédia";
        }
        return null;
    }

    /** Decodes the whole image, after checking its size, so that a damaged or disguised file is refused. */
    private static String imageProblem(String name, String type, byte[] content) {
        String unreadable = "Le fichier « " + name + " » est une image illisible ou endommagée : enregistrez-la de nouveau "
                + "(ou numérisez la pièce en PDF) et réessayez.";
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                return unreadable;
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!type.endsWith(format.equals("jpg") ? "jpeg" : format)) {
                    return unreadable;
                }
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                    return "L'image « " + name + " » est trop grande (" + width + " × " + height + " pixels, au plus "
                            + MAX_PIXELS / 1_000_000 + " millions) : numérisez-la à 300 points par pouce.";
                }
                return reader.read(0) == null ? unreadable : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return unreadable;
        }
    }

    /**
     * The name a file is kept and offered under: Unicode NFC; no control or formatting characters (the bidirectional
     * overrides and isolates such as U+202E, which show « facture‮fdp.exe » as « facture exe.pdf », zero-width
     * characters); no path separator or character Windows forbids; no leading dot; at most {@value #MAX_NAME}
     * characters with its extension kept; and the extension of what the file really is added if it does not end so.
     */
    static String safeName(String raw, String fallback, String contentType) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            kept.appendCodePoint("/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : Character.isWhitespace(c) ? ' ' : c);
        });
        String cleaned = kept.toString().replaceAll(" {2,}", " ").strip().replaceFirst("^[.\\s]+", "");
        if (cleaned.isEmpty()) {
            cleaned = fallback;
        }
        String extension = extensionOf(contentType);
        if (!cleaned.toLowerCase(Locale.ROOT).endsWith(extension) && !(extension.equals(".jpg") && cleaned.toLowerCase(Locale.ROOT).endsWith(".jpeg"))) {
            cleaned = cleaned + extension;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME) {
            int dot = cleaned.lastIndexOf('.');
            String suffix = cleaned.substring(dot);
            String base = cleaned.substring(0, dot);
            base = base.substring(0, base.offsetByCodePoints(0, MAX_NAME - suffix.length())).strip();
            cleaned = base + suffix;
        }
        return cleaned;
    }

    private static String extensionOf(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}

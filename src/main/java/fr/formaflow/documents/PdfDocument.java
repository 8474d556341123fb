package fr.formaflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 writer for every Formaflow document: a header (issuer left, recipient right), a title, paragraphs, tables that
 * break across pages repeating their header, and a footer "reference … Page n / N" on every page. The output is
 * PDF/A-3u: DejaVu Sans embedded (« œ € » and U+202F render), XMP metadata, an sRGB output intent.
 */
public final class PdfDocument implements AutoCloseable {

    /** A table column: its header text, its share of the width, and whether it holds right-aligned numbers. */
    public record Column(String title, float weight, boolean numeric) { }

    public static final String PRODUCER = "Formaflow";
    private static final float MARGIN = 50, TOP = 800, BOTTOM = 70, WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float SIZE = 10, LEADING = 13, CELL = 9, CELL_LEADING = 11.5f, PAD = 3;
    private static final byte[] REGULAR = resource("/fonts/DejaVuSans.ttf"), BOLD = resource("/fonts/DejaVuSans-Bold.ttf");
    /** Parsing the two fonts took a third of a document's time: parsed once, they serve one document after another. */
    private static final Reusable<Fonts> FONTS = new Reusable<>(Fonts::parse);
    /**
     * Each character's advance width (1/1000 em), NaN when the font has no glyph for it: PDFBox encodes a whole string
     * to measure it, and wrapping measured every line again at each word.
     */
    private static final Map<Integer, Float> REGULAR_WIDTHS = new ConcurrentHashMap<>(), BOLD_WIDTHS = new ConcurrentHashMap<>();

    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {

        static Fonts parse() {
            return new Fonts(parse(REGULAR), parse(BOLD));
        }

        private static TrueTypeFont parse(byte[] font) {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(withoutGlyphSubstitutions(font)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * PDFBox applies a font's GSUB table to every string shown, compiling regular expressions each time: half of an
     * attendance sheet's time. French text needs no substitution (without it « fi » and « ffl » are drawn letter by
     * letter, and read the same), so the table is renamed out of reach in the table directory; embedded subsets never
     * carried it.
     */
    static byte[] withoutGlyphSubstitutions(byte[] font) {
        byte[] copy = font.clone();
        int tables = (copy[4] & 0xff) << 8 | copy[5] & 0xff;
        for (int record = 12; record < 12 + 16 * tables; record += 16) {
            if (copy[record] == 'G' && copy[record + 1] == 'S' && copy[record + 2] == 'U' && copy[record + 3] == 'B') {
                copy[record] = 'X';
            }
        }
        return copy;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private final PDDocument doc = new PDDocument();
    private final PDFont regular, bold;
    private Fonts fonts;
    private final String reference, title;
    private PDPageContentStream out;
    private float y;

    /** reference: printed in every footer (e.g. "FACTURE n° FA-2006-0042"); title: the PDF's metadata title. */
    public PdfDocument(String reference, String title) {
        this.reference = reference;
        this.title = title;
        fonts = FONTS.take();
        try {
            regular = PDType0Font.load(doc, fonts.regular(), true);
            bold = PDType0Font.load(doc, fonts.bold(), true);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        newPage();
    }

    /** Issuer's lines on the left, recipient's on the right; the first line of each in bold. */
    public PdfDocument header(List<String> issuer, List<String> recipient) {
        float top = y, split = WIDTH * 0.55f;
        float left = block(issuer, MARGIN, split - 15, top);
        float right = block(recipient, MARGIN + split, WIDTH - split, top);
        y = Math.min(left, right) - LEADING;
        return this;
    }

    public PdfDocument title(String text) {
        write(text, bold, 16, MARGIN, WIDTH, 20, false);
        return space(4);
    }

    public PdfDocument heading(String text) {
        space(4);
        write(text, bold, 11, MARGIN, WIDTH, 15, false);
        return this;
    }

    public PdfDocument paragraph(String text) {
        write(text, regular, SIZE, MARGIN, WIDTH, LEADING, false);
        return space(4);
    }

    public PdfDocument small(String text) {
        write(text, regular, 8, MARGIN, WIDTH, 10, false);
        return space(3);
    }

    /** Starts a new page (e.g. one attendance sheet per week). */
    public PdfDocument pageBreak() {
        newPage();
        return this;
    }

    /** Starts a new page unless this much room is left: a heading stays with the first lines of what it heads. */
    public PdfDocument keepRoom(float points) {
        ensureSpace(points);
        return this;
    }

    public PdfDocument space(float points) {
        y -= points;
        return this;
    }

    /** A table with a shaded header row, repeated at the top of every page the table runs onto. */
    public PdfDocument table(List<Column> columns, List<List<String>> rows) {
        float[] widths = widths(columns, rows);
        List<String> titles = columns.stream().map(Column::title).toList();
        for (int r = 0; r < rows.size() || r == 0; r++) {
            List<String> row = r < rows.size() ? rows.get(r) : List.of();
            float height = rowHeight(widths, row, regular);
            boolean pageBreak = y - height < BOTTOM || r == 0 && y - height - rowHeight(widths, titles, bold) < BOTTOM;
            if (pageBreak) {
                newPage();
            }
            if (pageBreak || r == 0) {
                tableRow(columns, widths, titles, true);
            }
            if (r < rows.size()) {
                tableRow(columns, widths, row, false);
            }
        }
        return space(8);
    }

    /**
     * Column widths sized to their content: each column is at least as wide as its widest word (a date, « VACATAIRE »),
     * so that no word is cut inside a cell; the rest of the width is shared by weight. Only when the widest words of all
     * columns together exceed the page are the columns narrowed in proportion (long words then wrap).
     */
    private float[] widths(List<Column> columns, List<List<String>> rows) {
        int n = columns.size();
        float[] min = new float[n];
        for (int i = 0; i < n; i++) {
            min[i] = widestWord(columns.get(i).title(), bold);
            for (List<String> row : rows) {
                if (i < row.size()) {
                    min[i] = Math.max(min[i], widestWord(row.get(i), regular));
                }
            }
            min[i] += 2 * PAD + 1;
        }
        float needed = 0;
        for (float m : min) {
            needed += m;
        }
        float[] widths = new float[n];
        if (needed > WIDTH) {
            // too wide: cap the widest columns (long names wrap) so that the narrow ones (dates, numbers) stay whole
            float low = 0, high = WIDTH;
            for (int step = 0; step < 30; step++) {
                float cap = (low + high) / 2, sum = 0;
                for (float m : min) {
                    sum += Math.min(m, cap);
                }
                if (sum > WIDTH) {
                    high = cap;
                } else {
                    low = cap;
                }
            }
            for (int i = 0; i < n; i++) {
                widths[i] = Math.min(min[i], low);
            }
            return widths;
        }
        boolean[] atMinimum = new boolean[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            float free = WIDTH, weights = 0;
            for (int i = 0; i < n; i++) {
                if (atMinimum[i]) {
                    free -= min[i];
                } else {
                    weights += columns.get(i).weight();
                }
            }
            for (int i = 0; i < n; i++) {
                widths[i] = atMinimum[i] ? min[i] : free * columns.get(i).weight() / weights;
                if (!atMinimum[i] && widths[i] < min[i]) {
                    atMinimum[i] = true;
                    changed = true;
                }
            }
        }
        return widths;
    }

    private float widestWord(String text, PDFont font) {
        float widest = 0;
        for (String word : printable(text, font).split("[ \n]")) {
            widest = Math.max(widest, textWidth(word, font, CELL));
        }
        return widest;
    }

    /** Label/amount pairs aligned on the right (totals); the last pair in bold. */
    public PdfDocument totals(List<String[]> pairs) {
        float x = MARGIN + WIDTH * 0.5f, width = WIDTH * 0.5f;
        for (int i = 0; i < pairs.size(); i++) {
            PDFont font = i == pairs.size() - 1 ? bold : regular;
            String label = printable(pairs.get(i)[0], font), amount = printable(pairs.get(i)[1], font);
            ensureSpace(LEADING + 2);
            text(label, font, SIZE, x, y - SIZE);
            text(amount, font, SIZE, x + width - textWidth(amount, font, SIZE), y - SIZE);
            y -= LEADING + 2;
        }
        return space(8);
    }

    /** Finishes the document (footers, PDF/A metadata) and returns its bytes; the writer is closed afterwards. */
    public byte[] toBytes() {
        try (doc) {
            out.close();
            int count = doc.getNumberOfPages();
            for (int n = 1; n <= count; n++) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(n - 1), AppendMode.APPEND, true, true)) {
                    out = footer;
                    String page = "Page " + n + " / " + count;
                    line(MARGIN, BOTTOM - 25, MARGIN + WIDTH, BOTTOM - 25);
                    text(printable(reference, regular), regular, 8, MARGIN, BOTTOM - 37);
                    text(page, regular, 8, MARGIN + WIDTH - textWidth(page, regular, 8), BOTTOM - 37);
                }
            }
            PdfA.declare(doc, title, PRODUCER);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            releaseFonts();
        }
    }

    @Override
    public void close() {
        io(doc::close);
        releaseFonts();
    }

    /** The fonts go back to the pool once the document is closed: until its saving, the document subsets them. */
    private void releaseFonts() {
        if (fonts != null) {
            FONTS.giveBack(fonts);
            fonts = null;
        }
    }

    private float block(List<String> lines, float x, float width, float top) {
        y = top;
        for (int i = 0; i < lines.size(); i++) {
            write(lines.get(i), i == 0 ? bold : regular, i == 0 ? 11 : 9, x, width, i == 0 ? 14 : 11.5f, false);
        }
        return y;
    }

    private void tableRow(List<Column> columns, float[] widths, List<String> cells, boolean header) {
        PDFont font = header ? bold : regular;
        float height = rowHeight(widths, cells, font), top = y, x = MARGIN;
        if (header) {
            io(() -> {
                out.setNonStrokingColor(0.88f, 0.88f, 0.88f);
                out.addRect(MARGIN, top - height, WIDTH, height);
                out.fill();
                out.setNonStrokingColor(0f, 0f, 0f);
            });
        }
        for (int i = 0; i < widths.length; i++) {
            y = top - PAD;
            String cell = i < cells.size() ? cells.get(i) : "";
            write(cell, font, CELL, x + PAD, widths[i] - 2 * PAD, CELL_LEADING, columns.get(i).numeric());
            x += widths[i];
        }
        y = top - height;
        line(MARGIN, y, MARGIN + WIDTH, y);
    }

    private float rowHeight(float[] widths, List<String> cells, PDFont font) {
        int lines = 1;
        for (int i = 0; i < widths.length && i < cells.size(); i++) {
            lines = Math.max(lines, wrap(printable(cells.get(i), font), font, CELL, widths[i] - 2 * PAD).size());
        }
        return lines * CELL_LEADING + 2 * PAD;
    }

    /** Writes wrapped text from the cursor down, starting a new page when needed. */
    private void write(String text, PDFont font, float size, float x, float width, float leading, boolean right) {
        for (String line : wrap(printable(text, font), font, size, width)) {
            ensureSpace(leading);
            text(line, font, size, right ? x + width - textWidth(line, font, size) : x, y - size);
            y -= leading;
        }
    }

    /** Breaks at ordinary spaces and newlines only: no-break spaces (U+00A0, U+202F) keep « 2 445,00 € » whole. */
    private List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        float space = textWidth(" ", font, size);
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : paragraph.split(" ")) {
                while (textWidth(word, font, size) > width && word.length() > 1) { // a word wider than the column
                    int cut = word.length() - 1;
                    while (cut > 1 && textWidth(word.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    int hyphen = word.lastIndexOf('-', cut - 1);
                    if (hyphen > 0) { // « ROCHEFOUCAULD- / LIANCOURT » rather than a cut inside a word
                        cut = hyphen + 1;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                float wordWidth = textWidth(word, font, size);
                if (line.length() > 0 && lineWidth + space + wordWidth > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (line.length() > 0) {
                    line.append(' ');
                    lineWidth += space;
                }
                line.append(word);
                lineWidth += wordWidth;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Replaces what the font cannot draw (control characters, missing glyphs) by "?" rather than failing. */
    private String printable(String text, PDFont font) {
        StringBuilder result = new StringBuilder();
        (text == null ? "" : text).replace("\r", "").replace('\t', ' ').codePoints()
                .forEach(c -> result.appendCodePoint(c == '\n' || !Float.isNaN(glyphWidth(c, font)) ? c : '?'));
        return result.toString();
    }

    /** The sum of the characters' widths: what PDFBox's getStringWidth returns, without encoding the string each time. */
    private float textWidth(String text, PDFont font, float size) {
        float width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += glyphWidth(c, font);
            i += Character.charCount(c);
        }
        return width / 1000 * size;
    }

    private float glyphWidth(int codePoint, PDFont font) {
        return (font == bold ? BOLD_WIDTHS : REGULAR_WIDTHS).computeIfAbsent(codePoint, c -> {
            try {
                return font.getStringWidth(Character.toString(c));
            } catch (IOException | IllegalArgumentException e) {
                return Float.NaN;
            }
        });
    }

    private void text(String text, PDFont font, float size, float x, float baseline) {
        io(() -> {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
        });
    }

    private void line(float x1, float y1, float x2, float y2) {
        io(() -> {
            out.setStrokingColor(0.6f, 0.6f, 0.6f);
            out.setLineWidth(0.5f);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        });
    }

    private void ensureSpace(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() {
        io(() -> {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            out.setNonStrokingColor(0f, 0f, 0f);
            y = TOP;
        });
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfDocument.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

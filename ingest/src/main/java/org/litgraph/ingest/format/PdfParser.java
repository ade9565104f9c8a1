package org.litgraph.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF text via PDFBox: one document, paragraphs as blocks; encrypted or damaged files fail clearly. */
final class PdfParser implements DocumentParser {
    /** Larger PDFs are refused (PDFBox needs the whole file). */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    @Override
    public Format format() {
        return Format.PDF;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        byte[] bytes;
        try (InputStream in = source.open()) {
            bytes = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE - 16));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ParseException("PDF " + source.location() + " is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        if (!Formats.detect("", Arrays.copyOf(bytes, Math.min(bytes.length, Formats.SNIFF_BYTES)))
                .equals(Format.PDF)) {
            throw new ParseException("not a PDF: " + source.location() + " does not start with %PDF-");
        }
        String text;
        PDDocumentInformation info;
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
                throw new ParseException("encrypted PDF: " + source.location()
                        + " forbids text extraction; export an unprotected copy");
            }
            if (pdf.getNumberOfPages() == 0) {
                throw new ParseException("damaged PDF: " + source.location() + " has no readable pages");
            }
            info = pdf.getDocumentInformation();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            stripper.setParagraphEnd("\n\n");
            stripper.setPageEnd("\n\n");
            text = stripper.getText(pdf);
        } catch (InvalidPasswordException e) {
            throw new ParseException("encrypted PDF: " + source.location()
                    + " needs a password to open; supply an unprotected copy", e);
        } catch (IOException e) {
            throw new ParseException("damaged PDF: " + source.location() + " could not be read: " + e.getMessage(), e);
        }
        DocumentBuilder b = new DocumentBuilder(Format.PDF, source.location());
        for (String para : text.split("\\n\\s*\\n")) {
            String p = para.replaceAll("-\\n(?=\\p{Ll})", "").replaceAll("\\s*\\n\\s*", " ").strip();
            b.block(p);
        }
        String title = info == null ? null : info.getTitle();
        if (title == null || title.isBlank()) {
            title = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
        }
        b.title(title == null ? null : title.strip());
        if (info != null && info.getAuthor() != null && !info.getAuthor().isBlank()) {
            b.authors(Arrays.stream(info.getAuthor().split("[;]| and ")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
        } else {
            b.authors(List.of());
        }
        String firstPage = text.length() > 5000 ? text.substring(0, 5000) : text;
        Matcher m = HtmlParser.DOI.matcher(firstPage);
        if (m.find()) {
            b.doi(HtmlParser.trimDoi(m.group()));
        }
        if (b.length() == 0) {
            throw new ParseException("PDF " + source.location()
                    + " has no extractable text (a scanned image? run OCR first)");
        }
        sink.accept(b.build());
    }
}

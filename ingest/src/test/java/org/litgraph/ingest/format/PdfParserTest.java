package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfParserTest {
    private static final String FIRST = "Our volunteer felt dizzy after the second dose.";
    private static final String SECOND = "The dizziness stopped within a day, see doi 10.9999/pdf.test.";

    private static byte[] pdf(String title, String userPassword) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.newLineAtOffset(72, 700);
                cs.showText(FIRST);
                cs.newLineAtOffset(0, -16);
                cs.showText(SECOND);
                cs.endText();
            }
            if (title != null) {
                doc.getDocumentInformation().setTitle(title);
                doc.getDocumentInformation().setAuthor("Tester One; Tester Two");
            }
            if (userPassword != null) {
                StandardProtectionPolicy p = new StandardProtectionPolicy("owner-pw", userPassword, new AccessPermission());
                p.setEncryptionKeyLength(128);
                doc.protect(p);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static List<ParsedDocument> parse(byte[] bytes) throws Exception {
        List<ParsedDocument> out = new java.util.ArrayList<>();
        Formats.parser(Format.PDF).parse(Source.of("t.pdf", bytes), out::add);
        return out;
    }

    @Test
    void shouldExtractTheTextTitleAuthorsAndDoiOfAGeneratedPdf() throws Exception {
        byte[] bytes = pdf("A dizzy volunteer", null);
        assertEquals(Format.PDF, Formats.detect("t.pdf", bytes));
        ParsedDocument d = parse(bytes).get(0);
        assertTrue(d.text().contains(FIRST), d.text());
        assertTrue(d.text().contains(SECOND), d.text());
        assertEquals("A dizzy volunteer", d.metadata().title());
        assertEquals(List.of("Tester One", "Tester Two"), d.metadata().authors());
        assertEquals("10.9999/pdf.test", d.metadata().doi());
    }

    @Test
    void shouldTakeTheFirstLineAsTitleWhenTheInfoHasNone() throws Exception {
        ParsedDocument d = parse(pdf(null, null)).get(0);
        assertEquals(FIRST, d.metadata().title());
    }

    @Test
    void shouldRejectPasswordProtectedDamagedAndNonPdfInput() throws Exception {
        ParseException locked = assertThrows(ParseException.class, () -> parse(pdf("x", "user-pw")));
        assertTrue(locked.getMessage().startsWith("encrypted PDF"), locked.getMessage());
        byte[] good = pdf("x", null);
        byte[] damaged = Arrays.copyOf(good, 40);
        ParseException broken = assertThrows(ParseException.class, () -> parse(damaged));
        assertTrue(broken.getMessage().contains("PDF"), broken.getMessage());
        ParseException notPdf = assertThrows(ParseException.class,
                () -> parse("hello, plain words".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notPdf.getMessage().startsWith("not a PDF"), notPdf.getMessage());
    }
}

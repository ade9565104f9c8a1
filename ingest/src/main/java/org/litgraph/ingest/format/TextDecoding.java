package org.litgraph.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Reads a text source strictly: empty, binary or non-UTF-8 input is refused with a reason. */
final class TextDecoding {
    /**
     * The largest text document read whole (larger text is refused, not truncated): 4 MiB, far
     * above any article; run-on text costs the extractor about 15 s per MiB (measured), so this bounds a file to about a minute.
     */
    static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;

    private TextDecoding() {
    }

    static String read(Source source) throws IOException, ParseException {
        byte[] bytes;
        try (InputStream in = source.open()) {
            bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        }
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new ParseException("larger than " + (MAX_TEXT_BYTES >> 20) + " MiB of text; split it first");
        }
        return decode(bytes);
    }

    static String decode(byte[] bytes) throws ParseException {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            offset = 3; // UTF-8 byte order mark
        }
        if (bytes.length - offset == 0) {
            throw new ParseException("empty file");
        }
        int probe = Math.min(bytes.length, offset + 8192);
        for (int i = offset; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new ParseException("binary content (NUL byte at offset " + i + "), not text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            if (text.isBlank()) {
                throw new ParseException("no text (only white space)");
            }
            return text;
        } catch (MalformedInputException e) {
            throw new ParseException("invalid UTF-8 (" + e.getInputLength() + " malformed byte(s)); "
                    + "convert the file to UTF-8 first", e);
        } catch (CharacterCodingException e) {
            throw new ParseException("cannot decode as UTF-8: " + e.getMessage(), e);
        }
    }
}

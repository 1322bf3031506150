package dev.preflight.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * One place for how Preflight writes JSON: two-space indent, "\n" line ends on every platform, and the characters
 * that would act on a terminal or a reader (C1 controls, DEL, BiDi and zero-width characters, see
 * {@link Text#deceptive}) written as {@code \\u} escapes: the value read back is exact, the bytes are never raw.
 */
public final class Json {
    // Characters outside the BMP as UTF-8, as a Writer gives them (not as two \\u escapes): the same bytes either way.
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /** The escapes Jackson writes by default, plus those of {@link Text#deceptive} and the C1 controls. */
    static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        Escapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if ((ch >= 0x80 && ch < 0xa0) || (ch <= 0xffff && Text.deceptive((char) ch))) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }

    private static final Escapes ESCAPES = new Escapes();

    private Json() {
    }

    public static JsonGenerator generator(Writer out) throws IOException {
        return configured(FACTORY.createGenerator(out));
    }

    /** A generator that writes UTF-8 bytes straight to {@code out} (the same bytes as through a Writer). */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return configured(FACTORY.createGenerator(out));
    }

    private static JsonGenerator configured(JsonGenerator g) {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(pretty);
        g.setCharacterEscapes(ESCAPES);
        return g;
    }
}

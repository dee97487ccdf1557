package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.InvalidMessageException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTextTests {

    static final String READING = "{\"machine\":{\"temperature\":30.5}}";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32", "UTF-32BE", "UTF-32LE"})
    void aBodyInUtf16OrUtf32IsNotUtf8WithOrWithoutAByteOrderMark(String encoding) {
        byte[] body = READING.getBytes(Charset.forName(encoding));

        assertThatThrownBy(() -> ReadingText.of(body))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the body is not UTF-8 JSON: it has a NUL byte at offset ")
                .hasMessageEndingWith("(UTF-16 or UTF-32 text?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C3 28", "FF", "ED A0 80", "C0 AF", "F4 90 80 80"})
    void bytesThatAreNotUtf8AreRefused(String bytes) {
        String[] hex = bytes.split(" ");
        byte[] body = new byte[hex.length + 2];
        body[0] = '"';
        for (int i = 0; i < hex.length; i++) {
            body[i + 1] = (byte) Integer.parseInt(hex[i], 16);
        }
        body[body.length - 1] = '"';

        assertThatThrownBy(() -> ReadingText.of(body))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the body is not UTF-8: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"place\":\"Zürich\",\"t\":\"30 °C\"}", "", "{\"emoji\":\"🔥\"}"})
    void utf8TextIsReadAsItIs(String text) {
        assertThat(ReadingText.of(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "UTF-8", "utf8", " utf-8 "})
    void utf8DeclaredIsAccepted(String declared) {
        assertThatCode(() -> ReadingText.requireUtf8Declared(declared)).doesNotThrowAnyException();
    }

    @Test
    void noDeclaredEncodingIsTakenAsUtf8() {
        assertThatCode(() -> ReadingText.requireUtf8Declared(null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-16", "UTF-32", "iso-8859-1", "base64", ""})
    void anotherDeclaredEncodingIsRefusedNamingIt(String declared) {
        assertThatThrownBy(() -> ReadingText.requireUtf8Declared(declared))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "the content encoding is '"
                                + declared
                                + "', not utf-8: readings are JSON in UTF-8");
    }

    @Test
    void aLongDeclaredEncodingIsShortenedInTheReason() {
        assertThatThrownBy(() -> ReadingText.requireUtf8Declared("x".repeat(10_000)))
                .hasMessage(
                        "the content encoding is '"
                                + "x".repeat(60)
                                + "...', not utf-8: readings are JSON in UTF-8");
    }
}

package org.foodrisk.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes UTF-8 refusing malformed input. The JDK's default decoding replaces bad bytes with
 * U+FFFD silently; a record would then be "valid" with text nobody wrote, so every entry point
 * (topology, HTTP) decodes strictly and refuses instead.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

package io.github.palimpsest.record;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Finds where a file stops being valid UTF-8, so that an encoding error can name its line. */
final class Utf8Scan {
    private Utf8Scan() {
    }

    /** The 1-based line of the first byte sequence that is not valid UTF-8, or empty when all is valid. */
    static OptionalLong firstMalformedLine(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            long line = 1;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    line++;
                    continue;
                }
                int continuation;
                int min;
                if (b < 0x80) {
                    continue;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    continuation = 1;
                    min = 0x80;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    continuation = 2;
                    min = 0x800;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    continuation = 3;
                    min = 0x10000;
                } else {
                    return OptionalLong.of(line);
                }
                int codePoint = b & (0x3F >> continuation);
                for (int i = 0; i < continuation; i++) {
                    int next = in.read();
                    if (next == -1 || (next & 0xC0) != 0x80) {
                        return OptionalLong.of(line);
                    }
                    codePoint = (codePoint << 6) | (next & 0x3F);
                }
                // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
                if (codePoint < min || (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF) {
                    return OptionalLong.of(line);
                }
            }
            return OptionalLong.empty();
        }
    }
}

package io.github.palimpsest.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A saved index file that cannot be read: not an index file, a version this library does not read, cut
 * short, or corrupt. The message names the file and what is wrong.
 */
public final class IndexFileException extends IOException {
    private static final long serialVersionUID = 1L;

    IndexFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    IndexFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}

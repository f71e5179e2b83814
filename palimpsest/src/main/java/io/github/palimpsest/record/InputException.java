package io.github.palimpsest.record;

import java.nio.file.Path;

/**
 * Input that cannot be read: names the file, the line and what is wrong, in one line fit for a person.
 *
 * <p>Unchecked, like {@link java.io.UncheckedIOException}, so that streaming readers can raise it from
 * inside callbacks; callers that read files should catch it and report {@link #getMessage()}.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file   the file (its name is reported as given)
     * @param line   the 1-based line where the problem starts, or 0 when it concerns the whole file
     * @param reason what is wrong and, where it helps, what to do
     */
    public InputException(Path file, long line, String reason) {
        this(file, line, reason, null);
    }

    /** As {@link #InputException(Path, long, String)}, keeping the underlying cause. */
    public InputException(Path file, long line, String reason, Throwable cause) {
        super(location(file, line) + ": " + reason, cause);
        this.file = String.valueOf(file);
        this.line = line;
    }

    private static String location(Path file, long line) {
        return line > 0 ? file + ":" + line : String.valueOf(file);
    }

    /** The file the problem is in, as given to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line the problem starts on, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}

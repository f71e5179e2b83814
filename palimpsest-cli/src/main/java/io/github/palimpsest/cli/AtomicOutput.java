package io.github.palimpsest.cli;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One output of a run while it is being written: a temporary file (owner-only, {@code 0600}) that
 * {@link OutputFiles} moves or copies to its destination when every output of the run is complete, and
 * deletes otherwise. Not thread-safe: one writer per output.
 */
final class AtomicOutput {
    private final OutputFiles.Destination destination;
    private final Path temporary;
    private final FileOutputStream stream;
    private final Writer writer;
    private boolean finished;

    AtomicOutput(OutputFiles.Destination destination, Path temporary) throws IOException {
        this.destination = destination;
        this.temporary = temporary;
        this.stream = new FileOutputStream(temporary.toFile());
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Where the text goes until the run commits: UTF-8, buffered; do not close it. */
    Writer writer() {
        return writer;
    }

    OutputFiles.Destination destination() {
        return destination;
    }

    Path temporary() {
        return temporary;
    }

    /** Flushes and forces the text to disk and closes the file, ready to be moved or copied. */
    void finish() throws IOException {
        if (!finished) {
            writer.flush();
            stream.getChannel().force(true);
            writer.close();
            finished = true;
        }
    }

    /** Closes the file, ignoring errors, and deletes it: what a run that does not commit leaves is nothing. */
    void discard() {
        try {
            writer.close();
        } catch (IOException | RuntimeException ignored) {
            // The file is deleted next; a failure to close it changes nothing.
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more can be done; the name starts with '.' and ends with '.partial'.
        }
    }
}

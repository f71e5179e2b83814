package io.github.palimpsest.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears only when complete: written to a temporary file beside it and moved into
 * place by {@link #commit()}. Closed without a commit, the temporary file is deleted, so a failed run never
 * leaves a partial result that looks complete.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final Writer writer;
    private boolean committed;

    private AtomicOutput(Path target, Path temporary, Writer writer) {
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    static AtomicOutput open(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path temporary = Files.createTempFile(dir, "." + absolute.getFileName(), ".partial");
            BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            return new AtomicOutput(absolute, temporary, writer);
        } catch (IOException e) {
            throw new CliInputException(target + ": cannot be written: " + e.getMessage(), e);
        }
    }

    Writer writer() {
        return writer;
    }

    void commit() throws IOException {
        writer.flush();
        writer.close();
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(temporary);
        }
    }
}

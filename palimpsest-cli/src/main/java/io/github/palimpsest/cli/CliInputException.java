package io.github.palimpsest.cli;

/** Bad input detected by a command: reported in one line, exit code 1. */
final class CliInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliInputException(String message) {
        super(message);
    }

    CliInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

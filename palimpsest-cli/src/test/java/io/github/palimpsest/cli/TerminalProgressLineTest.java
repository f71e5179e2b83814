package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The words of the progress line; when it is shown is the timer's business, not tested here. */
class TerminalProgressLineTest {

    @Test
    void aStageThatCountsItsWorkShowsTheShareDoneAndTheTimeLeftAtItsRate() {
        assertEquals("  compare ... 12 s, 25% of this pass, about 30 s left",
                TerminalProgress.line("compare", 12, 250, 1000, 10.0));
        assertEquals("  score ... 3 s, 99% of this pass, about 0 s left",
                TerminalProgress.line("score", 3, 999, 1000, 3.0));
    }

    @Test
    void aStageThatDoesNotCountShowsItsSecondsOnly() {
        assertEquals("  block ... 5 s", TerminalProgress.line("block", 5, 0, 0, 5.0));
        assertEquals("  train ... 4 s", TerminalProgress.line("train", 4, 0, 1000, 4.0));
    }
}

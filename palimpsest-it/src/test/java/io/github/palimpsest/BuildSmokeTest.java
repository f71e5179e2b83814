package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.cli.Main;
import org.junit.jupiter.api.Test;

class BuildSmokeTest {
    @Test
    void helpExitsWithZero() {
        assertEquals(0, Main.run("--help"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, Main.run("--no-such-option"));
    }
}

package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IdentifierProperties {

    @Property
    void parsingNeverThrows(@ForAll String type, @ForAll String raw) {
        assertNotNull(Identifier.parse(type, raw));
    }

    @Property
    void parsingIsIdempotent(@ForAll String raw) {
        Identifier.parse("passport", raw).canonical().ifPresent(canonical ->
                assertEquals(Optional.of(canonical), Identifier.parse("passport", canonical).canonical()));
    }

    @Property
    void separatorsAndCaseNeverMatter(@ForAll("identifiers") String id, @ForAll Random random) {
        StringBuilder messy = new StringBuilder();
        for (char c : id.toCharArray()) {
            messy.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
            if (random.nextInt(4) == 0) {
                messy.append(" -/._".charAt(random.nextInt(5)));
            }
        }
        Optional<String> expected = Identifier.parse("custody", id).canonical();
        assertEquals(expected, Identifier.parse("custody", messy.toString()).canonical(), messy::toString);
        assertEquals(Optional.of(id.toUpperCase(Locale.ROOT)), expected);
    }

    @Provide
    Arbitrary<String> identifiers() {
        // A leading letter keeps generated values clear of the all-zero placeholder; the word placeholders
        // ("TBA", "NONE", ...) that letters can spell by chance are left out: they are no identifier at all.
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(1).flatMap(first ->
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(2).ofMaxLength(12)
                        .map(rest -> first + rest))
                .filter(id -> Identifier.parse("custody", id).problems().stream()
                        .noneMatch(problem -> problem.contains("placeholder")));
    }
}

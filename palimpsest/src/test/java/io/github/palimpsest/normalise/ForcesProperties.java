package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ForcesProperties {

    private static final Forces FORCES = Forces.standard();

    @Property
    void resolvingNeverThrows(@ForAll String raw) {
        assertNotNull(FORCES.resolve(raw));
    }

    @Property
    void resolvingIsIdempotent(@ForAll String raw) {
        FORCES.resolve(raw).canonical().ifPresent(code ->
                assertEquals(Optional.of(code), FORCES.resolve(code).canonical()));
    }

    @Property
    void resolvingTheCanonicalCodeOfAnyNameGivesItBack(@ForAll("policeForceNames") String name) {
        String code = FORCES.resolve(name).canonical().orElseThrow();
        assertEquals(Optional.of(code), FORCES.resolve(code).canonical());
    }

    @Property
    void caseSpacingAndPoliceWordsNeverChangeWhichForceANameResolvesTo(
            @ForAll("policeForceNames") String name, @ForAll Random random) {
        StringBuilder messy = new StringBuilder(random.nextBoolean() ? "The " : "");
        for (char c : name.toCharArray()) {
            messy.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            if (c == ' ' && random.nextBoolean()) {
                messy.append(' ');
            }
        }
        messy.append(List.of("", " Police", " Constabulary", " Police Force", " Police Service", ".")
                .get(random.nextInt(6)));
        assertEquals(FORCES.resolve(name).canonical(), FORCES.resolve(messy.toString()).canonical(),
                messy::toString);
    }

    @Property
    void everyCodeResolvesWithOrWithoutPaddingAndSpaces(@ForAll("codes") String code, @ForAll Random random) {
        String written = code.startsWith("0") && random.nextBoolean() ? code.substring(1) : code;
        String padded = " ".repeat(random.nextInt(3)) + written + " ".repeat(random.nextInt(3));
        String expected = code.equals("02") ? "01" : code;
        assertEquals(Optional.of(expected), FORCES.resolve(padded).canonical(), padded);
    }

    @Provide
    Arbitrary<String> policeForceNames() {
        return Arbitraries.of(FORCES.policeForces().stream().map(Force::name).collect(Collectors.toList()));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(FORCES.all().stream().map(Force::code).collect(Collectors.toList()));
    }
}

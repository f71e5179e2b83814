package io.github.palimpsest.synthetic;

import java.util.ArrayList;
import java.util.List;

/** The name as one record will show it, while corruptions work on it. Mutable, confined to one thread. */
final class NameParts {
    String forename;
    List<String> middles;
    String surname;
    final List<String> aliases = new ArrayList<>(1);

    NameParts(String forename, List<String> middles, String surname) {
        this.forename = forename;
        this.middles = new ArrayList<>(middles);
        this.surname = surname;
    }
}

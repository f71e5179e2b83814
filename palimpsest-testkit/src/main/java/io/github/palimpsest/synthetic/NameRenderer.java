package io.github.palimpsest.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes a (possibly corrupted) name into a record in a force's layout and capitalisation. Stateless. */
final class NameRenderer {

    private NameRenderer() {
    }

    static void render(NameParts name, SyntheticPerson person, boolean married, ForceStyle style, RecordDraft draft,
            SplittableRandom rng) {
        NameCase nameCase = style.nameCase();
        String forename = cased(name.forename, nameCase, false);
        String surname = cased(name.surname, nameCase, true);
        List<String> middles = new ArrayList<>(name.middles.size());
        for (String m : name.middles) {
            middles.add(cased(m, nameCase, false));
        }
        String forenames = middles.isEmpty() ? forename : forename + " " + String.join(" ", middles);
        switch (style.nameLayout()) {
            case SEPARATE_FIELDS:
                draft.set("forename", forename);
                draft.set("middle_names", String.join(" ", middles));
                draft.set("surname", surname);
                break;
            case SURNAME_COMMA_FORENAMES:
                draft.set("full_name", surname + ", " + forenames);
                break;
            case TITLE_FORENAMES_SURNAME:
                String title = title(person, married, rng);
                draft.set("full_name", (nameCase == NameCase.UPPER ? title.toUpperCase(Locale.ROOT) : title)
                        + " " + forenames + " " + surname);
                break;
            default:
                draft.set("full_name", forenames + " " + surname);
                break;
        }
        List<String> aliases = new ArrayList<>(name.aliases.size());
        for (String alias : name.aliases) {
            int space = alias.lastIndexOf(' ');
            if (space < 0) {
                aliases.add(cased(alias, nameCase, true));
                continue;
            }
            aliases.add(cased(alias.substring(0, space), nameCase, false) + " "
                    + cased(alias.substring(space + 1), nameCase, true));
        }
        draft.set("aliases", String.join(";", aliases));
    }

    private static String title(SyntheticPerson person, boolean married, SplittableRandom rng) {
        if (!person.isFemale()) {
            return "Mr";
        }
        if (married) {
            return rng.nextInt(4) == 0 ? "Ms" : "Mrs";
        }
        return rng.nextBoolean() ? "Ms" : "Miss";
    }

    private static String cased(String name, NameCase nameCase, boolean isSurname) {
        boolean upper = nameCase == NameCase.UPPER || (nameCase == NameCase.SURNAME_UPPER && isSurname);
        return upper ? name.toUpperCase(Locale.ROOT) : name;
    }
}

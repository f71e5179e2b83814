package io.github.palimpsest.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Makes households of fictional people: usually one person, sometimes a hard negative (twins, a parent
 * and child sharing a forename, a very common name). Immutable and thread-safe; all randomness comes
 * from the generator passed in, so a household depends only on the seed and its index.
 */
final class PersonFactory {

    private static final String[] STREETS = {
        "Station Road", "High Street", "Church Lane", "Victoria Road", "Park Avenue", "Green Lane",
        "Manor Road", "Mill Lane", "Queens Road", "Kings Road", "New Road", "London Road", "The Crescent",
        "Elm Grove", "Oak Close", "Willow Way", "Chestnut Drive", "Albert Street", "Grange Road",
        "Springfield Road", "Windsor Avenue", "Orchard Close", "Meadow View", "Castle Street", "Bridge Street",
    };

    private final WeightedNames maleForenames;
    private final WeightedNames femaleForenames;
    private final WeightedNames surnames;
    // Very common names of the kind that make unrelated people collide (drawn from the tables' heaviest).
    private final List<String> commonMale;
    private final List<String> commonFemale;
    private final List<String> commonSurnames;

    private final LocalDate referenceDate;
    private final List<String> forces;
    private final CorruptionProfile profile;

    PersonFactory(LocalDate referenceDate, List<String> forces, CorruptionProfile profile) {
        this.referenceDate = referenceDate;
        this.forces = List.copyOf(forces);
        this.profile = profile;
        boolean british = profile.names() == NameOrigin.BRITISH;
        this.maleForenames = british ? NameData.MALE_FORENAMES : InventedNames.MALE_FORENAMES;
        this.femaleForenames = british ? NameData.FEMALE_FORENAMES : InventedNames.FEMALE_FORENAMES;
        this.surnames = british ? NameData.SURNAMES : InventedNames.SURNAMES;
        this.commonMale = maleForenames.heaviest(3);
        this.commonFemale = femaleForenames.heaviest(3);
        this.commonSurnames = surnames.heaviest(3);
    }

    private WeightedNames forenames(boolean female) {
        return female ? femaleForenames : maleForenames;
    }

    /** One household: up to {@code maxPeople} people numbered from {@code firstIndex}. */
    List<SyntheticPerson> household(SplittableRandom rng, long firstIndex, long maxPeople) {
        double u = rng.nextDouble();
        List<SyntheticPerson> people = new ArrayList<>(2);
        if (u < profile.twinRate() && maxPeople >= 2) {
            SyntheticPerson first = person(rng, firstIndex, age(rng), false, null);
            people.add(first);
            people.add(twinOf(rng, first, firstIndex + 1));
        } else if (u < profile.twinRate() + profile.parentChildRate() && maxPeople >= 2) {
            int childAge = 14 + rng.nextInt(32);
            SyntheticPerson child = person(rng, firstIndex, childAge, false, null);
            people.add(child);
            people.add(parentOf(rng, child, firstIndex + 1));
        } else {
            boolean common = u < profile.twinRate() + profile.parentChildRate() + profile.commonNameRate();
            people.add(person(rng, firstIndex, age(rng), common, null));
        }
        return people;
    }

    /** Ages 16–80, skewed young as the people in police records are. */
    private static int age(SplittableRandom rng) {
        return 16 + (int) (64 * Math.pow(rng.nextDouble(), 1.5));
    }

    private SyntheticPerson person(SplittableRandom rng, long index, int age, boolean commonName, Boolean sex) {
        boolean female = sex != null ? sex : rng.nextBoolean();
        LocalDate dob = referenceDate.minusYears(age).minusDays(1 + rng.nextInt(364));
        String forename = commonName
                ? pick(rng, female ? commonFemale : commonMale)
                : forenames(female).draw(rng);
        String surname = commonName ? pick(rng, commonSurnames) : surname(rng, female);
        String home = pick(rng, forces);
        String[] address = address(rng, home);
        String otherForce = rng.nextInt(2) == 0 ? home : pick(rng, forces);
        String[] other = address(rng, otherForce);
        return build(rng, index, forename, middleNames(rng, female, forename), surname, female, dob, home,
                address, other);
    }

    private SyntheticPerson twinOf(SplittableRandom rng, SyntheticPerson first, long index) {
        boolean female = rng.nextBoolean();
        String forename;
        do {
            forename = forenames(female).draw(rng);
        } while (forename.equals(first.forename()));
        SyntheticPerson twin = build(rng, index, forename, middleNames(rng, female, forename),
                feminine(first.surname(), female), female, first.dateOfBirth(), first.homeForce(),
                new String[] {first.address(), first.postcode()},
                new String[] {first.otherAddress(), first.otherPostcode()});
        return withSharedLandline(first, twin);
    }

    private SyntheticPerson parentOf(SplittableRandom rng, SyntheticPerson child, long index) {
        int gap = 20 + rng.nextInt(21);
        LocalDate dob = child.dateOfBirth().minusYears(gap).minusDays(rng.nextInt(365));
        SyntheticPerson parent = build(rng, index, child.forename(),
                middleNames(rng, child.isFemale(), child.forename()), child.surname(), child.isFemale(), dob,
                child.homeForce(), new String[] {child.address(), child.postcode()},
                new String[] {child.otherAddress(), child.otherPostcode()});
        return withSharedLandline(child, parent);
    }

    /** A household shares its landline, as real ones do: one more thing a linker must not trust alone. */
    private static SyntheticPerson withSharedLandline(SyntheticPerson a, SyntheticPerson b) {
        if (a.phone().isEmpty() || a.phone().get().startsWith("07")) {
            return b;
        }
        return new SyntheticPerson(b.entityId(), b.forename(), b.middleNames(), b.surname(), b.sex(),
                b.dateOfBirth(), b.homeForce(), b.address(), b.postcode(), b.otherAddress(), b.otherPostcode(),
                b.pncId(), b.croNumber(), b.niNumber(), b.drivingLicence(), a.phone(), b.email(),
                b.warrantNumber(), b.marriedSurname(), b.marriageDate());
    }

    private SyntheticPerson build(SplittableRandom rng, long index, String forename, List<String> middles,
            String surname, boolean female, LocalDate dob, String home, String[] address, String[] other) {
        int refYear = referenceDate.getYear();
        Optional<String> pnc = Optional.empty();
        Optional<String> cro = Optional.empty();
        int firstYear = Math.max(dob.getYear() + 12, 1975);
        if (rng.nextDouble() < 0.55 && firstYear < refYear) {
            int year = firstYear + rng.nextInt(refYear - firstYear);
            pnc = Optional.of(Identifiers.pncId(rng, year));
            if (rng.nextDouble() < 0.6) {
                cro = Optional.of(Identifiers.croNumber(rng, year + rng.nextInt(refYear - year + 1)));
            }
        }
        Optional<String> ni = rng.nextDouble() < 0.5 ? Optional.of(Identifiers.niNumber(rng)) : Optional.empty();
        int age = refYear - dob.getYear();
        Optional<String> licence = age >= 18 && rng.nextDouble() < 0.5
                ? Optional.of(Identifiers.drivingLicence(surname, forename, middles, dob, female,
                        Identifiers.licenceCheckCharacters(rng)))
                : Optional.empty();
        Optional<String> phone = Optional.empty();
        if (rng.nextDouble() < 0.65) {
            phone = Optional.of(rng.nextDouble() < 0.8 ? Identifiers.mobile(rng) : Identifiers.landline(rng));
        }
        Optional<String> email = rng.nextDouble() < 0.35
                ? Optional.of(Identifiers.email(rng, forename, surname)) : Optional.empty();
        Optional<String> warrant = Optional.empty();
        if (rng.nextDouble() < 0.05) {
            int from = Math.max(dob.getYear() + 16, refYear - 10);
            warrant = Optional.of(Identifiers.warrantNumber(rng, home, from + rng.nextInt(Math.max(1, refYear - from))));
        }
        Optional<String> married = Optional.empty();
        Optional<LocalDate> marriageDate = Optional.empty();
        // Rate per woman old enough to have married during the period (22 or over at the reference date).
        if (female && age >= 22 && rng.nextDouble() < profile.rate(Corruption.MARRIED_SURNAME)) {
            int atAge = 20 + rng.nextInt(Math.min(age, 45) - 19);
            LocalDate date = dob.plusYears(atAge).plusDays(rng.nextInt(365));
            if (date.isAfter(referenceDate.minusDays(1))) {
                date = referenceDate.minusDays(1);
            }
            String newSurname;
            do {
                newSurname = surname(rng, true);
            } while (newSurname.equals(surname));
            married = Optional.of(newSurname);
            marriageDate = Optional.of(date);
        }
        String entityId = String.format(Locale.ROOT, "P%07d", index + 1);
        return new SyntheticPerson(entityId, forename, middles, surname, female ? "F" : "M", dob, home,
                address[0], address[1], other[0], other[1], pnc, cro, ni, licence, phone, email, warrant,
                married, marriageDate);
    }

    private List<String> middleNames(SplittableRandom rng, boolean female, String forename) {
        double u = rng.nextDouble();
        int count = u < 0.45 ? 0 : u < 0.9 ? 1 : 2;
        List<String> middles = new ArrayList<>(count);
        while (middles.size() < count) {
            String m = forenames(female).draw(rng);
            if (!m.equals(forename) && !middles.contains(m)) {
                middles.add(m);
            }
        }
        return middles;
    }

    private String surname(SplittableRandom rng, boolean female) {
        String s = drawSurname(rng);
        if (rng.nextDouble() < 0.04) {
            String second;
            do {
                second = drawSurname(rng);
            } while (second.equals(s));
            s = s + "-" + second;
        }
        return feminine(s, female);
    }

    /**
     * A surname from the tail of rare ones or the table of common ones. At rate 0 no random number is
     * spent on the choice, so the closed-vocabulary generator's output is reproduced exactly.
     */
    private String drawSurname(SplittableRandom rng) {
        double rare = profile.rareSurnameRate();
        if (rare > 0 && rng.nextDouble() < rare) {
            return profile.names() == NameOrigin.BRITISH ? RareSurnames.draw(rng) : InventedNames.rareSurname(rng);
        }
        return surnames.draw(rng);
    }

    /** Polish surnames in -ski/-cki/-dzki take -ska/-cka/-dzka for women. */
    private static String feminine(String surname, boolean female) {
        if (female && (surname.endsWith("ski") || surname.endsWith("cki"))) {
            return surname.substring(0, surname.length() - 1) + "a";
        }
        if (!female && (surname.endsWith("ska") || surname.endsWith("cka"))) {
            return surname.substring(0, surname.length() - 1) + "i";
        }
        return surname;
    }

    private static String[] address(SplittableRandom rng, String forceCode) {
        ForceDirectory.Force force = ForceDirectory.force(forceCode);
        int i = rng.nextInt(force.towns.size());
        String area = force.postcodeAreas.get(rng.nextInt(force.postcodeAreas.size()));
        String street = (1 + rng.nextInt(180)) + " " + STREETS[rng.nextInt(STREETS.length)];
        if (rng.nextInt(8) == 0) {
            street = "Flat " + (1 + rng.nextInt(24)) + ", " + street;
        }
        return new String[] {street + ", " + force.towns.get(i), Identifiers.postcode(rng, area)};
    }

    private static String pick(SplittableRandom rng, List<String> options) {
        return options.get(rng.nextInt(options.size()));
    }
}

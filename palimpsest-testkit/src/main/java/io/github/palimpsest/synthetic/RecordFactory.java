package io.github.palimpsest.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the records that forces hold about one person: when, where and why each was made, which facts
 * each force recorded, written in that force's style, then corrupted. Immutable and thread-safe.
 */
final class RecordFactory {

    private static final String[] EVENT_TYPES = {"intelligence", "stop", "arrest", "allegation", "complaint"};
    private static final double[] EVENT_WEIGHTS = {0.28, 0.24, 0.20, 0.16, 0.12};
    private static final String[][] SUMMARIES = {
        {"Intelligence report: seen associating with known offenders",
            "Intelligence report: believed to be using a vehicle registered to another person",
            "Intelligence report: seen near licensed premises after closing"},
        {"Stop and search, nothing found", "Stopped while driving, words of advice given",
            "Stop and account in the town centre"},
        {"Arrested on suspicion of theft from a shop", "Arrested on suspicion of criminal damage",
            "Arrested on suspicion of common assault", "Arrested on suspicion of burglary",
            "Arrested on suspicion of possession of a controlled drug"},
        {"Named as suspect in a report of harassment", "Named as suspect in a report of fraud",
            "Named as suspect in a report of theft of a pedal cycle"},
        {"Made a complaint about noise from neighbours", "Reported a lost wallet",
            "Made a complaint about anti-social behaviour"},
    };

    private final List<String> forces;
    private final Map<String, ForceStyle> styles;
    private final CorruptionProfile profile;
    private final LocalDate referenceDate;
    private final double meanRecords;
    private final Corruptor corruptor;

    RecordFactory(List<String> forces, Map<String, ForceStyle> styles, CorruptionProfile profile,
            LocalDate referenceDate, double meanRecords) {
        this.forces = List.copyOf(forces);
        this.styles = Map.copyOf(styles);
        this.profile = profile;
        this.referenceDate = referenceDate;
        this.meanRecords = meanRecords;
        this.corruptor = new Corruptor(profile, referenceDate);
    }

    /** The person's records: 1 + a geometric number, so the mean is {@code meanRecords}. */
    List<RecordDraft> records(SyntheticPerson person, SplittableRandom rng) {
        int count = 1;
        double p = 1 / meanRecords;
        while (count < 25 && rng.nextDouble() >= p) {
            count++;
        }
        List<RecordDraft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            drafts.add(record(person, rng));
        }
        return drafts;
    }

    private RecordDraft record(SyntheticPerson person, SplittableRandom rng) {
        String force = rng.nextDouble() < 0.6 || forces.size() == 1
                ? person.homeForce() : forces.get(rng.nextInt(forces.size()));
        ForceStyle style = styles.get(force);
        RecordDraft draft = new RecordDraft(force, person);
        LocalDate eventDate = eventDate(person, rng);
        int type = eventType(rng);

        NameParts name = new NameParts(person.forename(), person.middleNames(), person.surnameOn(eventDate));
        boolean married = !name.surname.equals(person.surname());
        if (married) {
            draft.eligible.add(Corruption.MARRIED_SURNAME);
            draft.applied.add(Corruption.MARRIED_SURNAME);
            if (rng.nextDouble() < profile.maidenAliasRate()) {
                name.aliases.add(person.forename() + " " + person.surname());
            }
        }
        corruptor.corruptName(name, draft, rng);
        LocalDate dob = corruptor.corruptDateOfBirth(person.dateOfBirth(), draft, rng);
        boolean moved = corruptor.moveAddress(draft, rng);

        draft.set("force", style.labels().get(rng.nextInt(style.labels().size())));
        NameRenderer.render(name, person, married, style, draft, rng);
        draft.set("dob", style.dateStyle().format(dob));
        draft.set("sex", person.sex());
        boolean compact = style.compactIdentifiers();
        // An identifier appears only on records made after it was issued: no PNC ID before the first
        // arrest year, no licence before 17, no NI number before 16.
        int eventYear = eventDate.getYear();
        LocalDate dobTruth = person.dateOfBirth();
        if (person.pncId().isPresent() && eventYear >= pncYear(person) && rng.nextDouble() < 0.85) {
            draft.set("pnc_id", style.pncStyle().format(person.pncId().get()));
        }
        if (person.croNumber().isPresent() && eventYear >= croYear(person) && rng.nextDouble() < 0.5) {
            String cro = person.croNumber().get();
            boolean shortPnc = style.pncStyle() == PncStyle.SHORT || style.pncStyle() == PncStyle.SHORT_SPACED;
            draft.set("cro_number", shortPnc ? Identifiers.unpaddedCro(cro) : cro);
        }
        if (person.niNumber().isPresent() && !eventDate.isBefore(dobTruth.plusYears(16)) && rng.nextDouble() < 0.3) {
            String ni = person.niNumber().get();
            draft.set("ni_number", compact ? ni : Identifiers.spacedNiNumber(ni));
        }
        if (person.drivingLicence().isPresent() && !eventDate.isBefore(dobTruth.plusYears(17))
                && rng.nextDouble() < (type == 1 ? 0.7 : 0.3)) {
            draft.set("driving_licence", licenceOn(person, married));
        }
        if (person.warrantNumber().isPresent() && type == 2 && eventYear >= warrantYear(person)
                && rng.nextDouble() < 0.7) {
            draft.set("warrant_number", person.warrantNumber().get());
        }
        if (person.phone().isPresent() && rng.nextDouble() < 0.5) {
            String phone = person.phone().get();
            draft.set("phone", compact ? phone.replace(" ", "") : phone);
        }
        if (person.email().isPresent() && rng.nextDouble() < 0.3) {
            draft.set("email", person.email().get());
        }
        String postcode = moved ? person.otherPostcode() : person.postcode();
        String address = moved ? person.otherAddress() : person.address();
        if (rng.nextDouble() < 0.9) {
            draft.set("postcode", compact ? postcode.replace(" ", "") : postcode);
        }
        if (rng.nextDouble() < 0.85) {
            draft.set("address", style.nameCase() == NameCase.UPPER ? address.toUpperCase(Locale.ROOT) : address);
        }
        draft.set("event_date", style.dateStyle().format(eventDate));
        draft.set("event_type", EVENT_TYPES[type]);
        String[] summaries = SUMMARIES[type];
        draft.set("event_summary", summaries[rng.nextInt(summaries.length)]);
        corruptor.removeFields(draft, rng);
        return draft;
    }

    private static int pncYear(SyntheticPerson person) {
        return Integer.parseInt(person.pncId().get().substring(0, 4));
    }

    /** CRO numbers carry a two-digit year; the generator issues none before 1975, so 75-99 are 19xx. */
    private static int croYear(SyntheticPerson person) {
        String cro = person.croNumber().get();
        int yy = Integer.parseInt(cro.substring(7, 9));
        return yy >= 75 ? 1900 + yy : 2000 + yy;
    }

    private static int warrantYear(SyntheticPerson person) {
        return Integer.parseInt(person.warrantNumber().get().split("/")[1]);
    }

    /** A licence is reissued under the married surname, keeping its check characters. */
    private static String licenceOn(SyntheticPerson person, boolean married) {
        String licence = person.drivingLicence().get();
        if (!married) {
            return licence;
        }
        return Identifiers.drivingLicence(person.surnameOn(LocalDate.MAX), person.forename(), person.middleNames(),
                person.dateOfBirth(), person.isFemale(), licence.substring(14));
    }

    /** Uniform between the person's 12th birthday (or 25 years back) and the day before the reference date. */
    private LocalDate eventDate(SyntheticPerson person, SplittableRandom rng) {
        LocalDate from = person.dateOfBirth().plusYears(12);
        LocalDate earliest = referenceDate.minusYears(25);
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        long days = ChronoUnit.DAYS.between(from, referenceDate);
        return days <= 1 ? from : from.plusDays(rng.nextLong(days));
    }

    private static int eventType(SplittableRandom rng) {
        double u = rng.nextDouble();
        double upper = 0;
        for (int i = 0; i < EVENT_WEIGHTS.length; i++) {
            upper += EVENT_WEIGHTS[i];
            if (u < upper) {
                return i;
            }
        }
        return EVENT_WEIGHTS.length - 1;
    }
}

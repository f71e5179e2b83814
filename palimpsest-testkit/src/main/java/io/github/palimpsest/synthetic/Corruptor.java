package io.github.palimpsest.synthetic;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies a {@link CorruptionProfile} to one record's name, date of birth and fields. Each corruption is
 * drawn independently, with its rate, only for records it can apply to; the date-of-birth corruptions
 * are exclusive (one draw shared between them), so each still happens at exactly its own rate. Immutable
 * and thread-safe; randomness comes from the caller.
 */
final class Corruptor {

    /** Columns {@link Corruption#MISSING_FIELDS} may blank: optional facts, never the event itself. */
    private static final String[] OPTIONAL_COLUMNS = {
        "dob", "sex", "pnc_id", "cro_number", "ni_number", "driving_licence", "warrant_number", "phone",
        "email", "postcode", "address",
    };
    private static final String[] NAME_COLUMNS = {"full_name", "forename", "middle_names", "surname", "aliases"};
    /** A record with none of these cannot be identified at all. */
    static final String[] IDENTIFYING_COLUMNS = {
        "full_name", "forename", "surname", "dob", "pnc_id", "cro_number", "ni_number", "driving_licence",
    };

    private final CorruptionProfile profile;
    private final LocalDate referenceDate;

    Corruptor(CorruptionProfile profile, LocalDate referenceDate) {
        this.profile = profile;
        this.referenceDate = referenceDate;
    }

    /** Corrupts the name in place, in an order that keeps each applied corruption visible. */
    void corruptName(NameParts name, RecordDraft draft, SplittableRandom rng) {
        // The variant table is British: an invented name that happens to spell a British one has no variants.
        boolean british = profile.names() == NameOrigin.BRITISH;
        boolean forenameVariant = british && NameData.hasVariant(name.forename);
        boolean surnameVariant = british && NameData.hasVariant(name.surname);
        if (draw(Corruption.NAME_VARIANT, forenameVariant || surnameVariant, draft, rng)) {
            if (forenameVariant && (!surnameVariant || rng.nextDouble() < 0.7)) {
                name.forename = NameData.variant(name.forename, rng);
            } else {
                name.surname = NameData.variant(name.surname, rng);
            }
        }
        if (draw(Corruption.HYPHENATED_PART, name.surname.indexOf('-') > 0, draft, rng)) {
            String[] parts = name.surname.split("-", 2);
            name.surname = parts[rng.nextInt(2)];
        }
        if (draw(Corruption.MISSING_MIDDLE_NAME, !name.middles.isEmpty(), draft, rng)) {
            name.middles.clear();
        }
        if (draw(Corruption.INITIALS_ONLY, name.forename.length() > 1, draft, rng)) {
            name.forename = name.forename.substring(0, 1);
            List<String> initials = new ArrayList<>(name.middles.size());
            for (String m : name.middles) {
                initials.add(m.substring(0, 1));
            }
            name.middles = initials;
        }
        if (draw(Corruption.TYPO, true, draft, rng)) {
            if (name.forename.length() >= 3 && rng.nextBoolean()) {
                name.forename = Typos.typo(name.forename, rng);
            } else {
                name.surname = Typos.typo(name.surname, rng);
            }
        }
        if (draw(Corruption.NAMES_SWAPPED, !name.forename.equals(name.surname), draft, rng)) {
            String f = name.forename;
            name.forename = name.surname;
            name.surname = f;
        }
    }

    /** The date of birth as this record gives it: the truth, or the truth with at most one corruption. */
    LocalDate corruptDateOfBirth(LocalDate dob, RecordDraft draft, SplittableRandom rng) {
        int day = dob.getDayOfMonth();
        int month = dob.getMonthValue();
        boolean[] canApply = {day <= 12 && day != month, true, true, !(day == 1 && month == 1)};
        for (int i = 0; i < canApply.length; i++) {
            if (canApply[i]) {
                draft.eligible.add(CorruptionProfile.DATE_OF_BIRTH_CORRUPTIONS[i]);
            }
        }
        // One uniform draw laid over the exclusive rates: corruption i happens when u falls in its slice.
        double u = rng.nextDouble();
        double upper = 0;
        for (int i = 0; i < canApply.length; i++) {
            Corruption c = CorruptionProfile.DATE_OF_BIRTH_CORRUPTIONS[i];
            upper += profile.rate(c);
            if (u < upper) {
                if (!canApply[i]) {
                    return dob;
                }
                draft.applied.add(c);
                switch (c) {
                    case DOB_DAY_MONTH_SWAPPED:
                        return LocalDate.of(dob.getYear(), day, month);
                    case DOB_DIGIT_WRONG:
                        return oneDigitWrong(dob, rng);
                    case DOB_YEAR_OFF_BY_ONE:
                        LocalDate shifted = dob.plusYears(rng.nextBoolean() ? 1 : -1);
                        return shifted.isAfter(referenceDate) ? dob.minusYears(1) : shifted;
                    default:
                        return LocalDate.of(dob.getYear(), 1, 1);
                }
            }
        }
        return dob;
    }

    /** Whether to record the other address. */
    boolean moveAddress(RecordDraft draft, SplittableRandom rng) {
        return draw(Corruption.MOVED_ADDRESS, true, draft, rng);
    }

    /** Blanks fields (missing fields, purge), then makes sure the record can still be identified. */
    void removeFields(RecordDraft draft, SplittableRandom rng) {
        String dobAsWritten = draft.get("dob");
        List<String> present = new ArrayList<>(OPTIONAL_COLUMNS.length);
        for (String c : OPTIONAL_COLUMNS) {
            if (!draft.get(c).isEmpty()) {
                present.add(c);
            }
        }
        if (draw(Corruption.MISSING_FIELDS, !present.isEmpty(), draft, rng)) {
            int count = Math.min(present.size(), 1 + rng.nextInt(3));
            for (int k = 0; k < count; k++) {
                draft.set(present.remove(rng.nextInt(present.size())), "");
            }
        }
        String[] namesAsWritten = new String[NAME_COLUMNS.length];
        for (int k = 0; k < NAME_COLUMNS.length; k++) {
            namesAsWritten[k] = draft.get(NAME_COLUMNS[k]);
        }
        if (draw(Corruption.PURGED, true, draft, rng)) {
            for (String c : NAME_COLUMNS) {
                draft.set(c, "");
            }
            if (rng.nextDouble() < profile.purgeDateOfBirthRate()) {
                draft.set("dob", "");
            }
        }
        if (!profile.recordsDatesOfBirth()) {
            draft.set("dob", "");
        }
        if (!profile.allowsUnidentifiableRecords() && !isIdentifiable(draft)) {
            if (profile.recordsDatesOfBirth()) {
                // The date of birth as the force wrote it comes back; a purged record keeps its names removed.
                draft.set("dob", dobAsWritten);
            } else {
                // No date of birth to restore: the purge is undone rather than leave a record of no one.
                for (int k = 0; k < NAME_COLUMNS.length; k++) {
                    draft.set(NAME_COLUMNS[k], namesAsWritten[k]);
                }
                draft.applied.remove(Corruption.PURGED);
            }
        }
    }

    static boolean isIdentifiable(RecordDraft draft) {
        for (String c : IDENTIFYING_COLUMNS) {
            if (!draft.get(c).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean draw(Corruption c, boolean canApply, RecordDraft draft, SplittableRandom rng) {
        if (!canApply) {
            return false;
        }
        draft.eligible.add(c);
        // Always consume one number, so that changing one rate does not reshuffle every later draw.
        boolean applied = rng.nextDouble() < profile.rate(c);
        if (applied) {
            draft.applied.add(c);
        }
        return applied;
    }

    /** The date with one digit of {@code yyyyMMdd} changed, still a real date no later than the reference. */
    private LocalDate oneDigitWrong(LocalDate dob, SplittableRandom rng) {
        char[] digits = String.format(java.util.Locale.ROOT, "%04d%02d%02d", dob.getYear(), dob.getMonthValue(),
                dob.getDayOfMonth()).toCharArray();
        for (int attempt = 0; attempt < 50; attempt++) {
            char[] d = digits.clone();
            // Positions 2..7: a wrong century digit is not a plausible keying error in a birth year.
            int pos = 2 + rng.nextInt(6);
            char replacement = (char) ('0' + rng.nextInt(10));
            if (replacement == d[pos]) {
                continue;
            }
            d[pos] = replacement;
            String s = new String(d);
            try {
                LocalDate candidate = LocalDate.of(Integer.parseInt(s.substring(0, 4)),
                        Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)));
                if (!candidate.isAfter(referenceDate)) {
                    return candidate;
                }
            } catch (DateTimeException e) {
                // not a real date: try another digit
            }
        }
        return dob.getDayOfMonth() < 28 ? dob.plusDays(1) : dob.minusDays(1);
    }
}

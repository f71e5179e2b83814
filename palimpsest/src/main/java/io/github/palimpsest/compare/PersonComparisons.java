package io.github.palimpsest.compare;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.record.ComparableRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The comparison sets for person records: which fields of two {@link ComparableRecord}s are compared,
 * and how. Each comparison is a small immutable object with its own levels; see
 * {@code docs/comparisons-and-blocking.md} for the levels and the reasons for them.
 *
 * <pre>{@code
 * List<Comparison<ComparableRecord>> comparisons = PersonComparisons.standard();
 * int[] levels = new int[comparisons.size()];
 * for (int c = 0; c < levels.length; c++) levels[c] = comparisons.get(c).level(left, right);
 * }</pre>
 *
 * <p>Every list returned is immutable and its comparisons are thread-safe and serializable.
 */
public final class PersonComparisons {
    private PersonComparisons() {
    }

    /**
     * The default set, in this order: {@code forename}, {@code surname}, {@code middle_names}, {@code dob}, {@code sex},
     * {@code pnc_id}, {@code cro_number}, {@code ni_number}, {@code driving_licence},
     * {@code warrant_number}, {@code id_*} (every generic identifier type together), {@code phone},
     * {@code email}, {@code email_names}, {@code postcode}, {@code address}. A field absent from the input is simply neutral
     * in every pair and contributes nothing.
     */
    public static List<Comparison<ComparableRecord>> standard() {
        return build(List.of(GenericIdentifierComparison.anyType()));
    }

    /**
     * The default set, but with one comparison per generic identifier type instead of one for all of them,
     * so that the model learns a weight per type (a passport number and a local custody number are not
     * equally telling). Types are sorted, so the order does not depend on the collection's order.
     *
     * @param identifierTypes the {@code id_<type>} types of the input, e.g. {@code ["passport", "ssn"]};
     *     a leading {@code id_} is removed
     * @throws IllegalArgumentException if a type is blank
     */
    public static List<Comparison<ComparableRecord>> standard(Collection<String> identifierTypes) {
        checkNotNull(identifierTypes, "identifierTypes");
        List<GenericIdentifierComparison> generic = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (String type : identifierTypes) {
            GenericIdentifierComparison comparison = GenericIdentifierComparison.forType(type);
            if (names.add(comparison.name())) {
                generic.add(comparison);
            }
        }
        generic.sort((a, b) -> a.name().compareTo(b.name()));
        return build(generic);
    }

    /**
     * The fields of the FEBRL benchmark files: {@code forename}, {@code surname}, {@code dob},
     * {@code postcode}, {@code address} and {@code id_ssn}. The standard set gives the same levels on those
     * files (its other comparisons are always neutral); this one is smaller and faster to train.
     */
    public static List<Comparison<ComparableRecord>> febrl() {
        return List.of(ForenameComparison.standard(), SurnameComparison.standard(),
                DateOfBirthComparison.standard(), PostcodeComparison.standard(), AddressComparison.standard(),
                GenericIdentifierComparison.forType("ssn"));
    }

    private static List<Comparison<ComparableRecord>> build(List<GenericIdentifierComparison> generic) {
        List<Comparison<ComparableRecord>> all = new ArrayList<>();
        all.add(ForenameComparison.standard());
        all.add(SurnameComparison.standard());
        all.add(MiddleNameComparison.standard());
        all.add(DateOfBirthComparison.standard());
        all.add(SexComparison.standard());
        all.add(IdentifierComparison.pncId());
        all.add(IdentifierComparison.croNumber());
        all.add(IdentifierComparison.niNumber());
        all.add(IdentifierComparison.drivingLicence());
        all.add(GenericIdentifierComparison.warrantNumber());
        all.addAll(generic);
        all.add(ContactComparison.phone());
        all.add(ContactComparison.email());
        all.add(EmailNameComparison.standard());
        all.add(PostcodeComparison.standard());
        all.add(AddressComparison.standard());
        return List.copyOf(all);
    }
}

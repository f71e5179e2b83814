package io.github.palimpsest.synthetic;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The truth about one fictional person: who the records of one entity really describe, before any
 * force's writing style or corruption. Immutable and thread-safe.
 *
 * <p>Names are stored as usually written ({@code O'Brien}, {@code Łukasz}); identifiers in their
 * canonical spellings ({@code 1979/0163001B}, {@code 065656/91H}, {@code AB123456C}, {@code AL1 3AB},
 * {@code 07700 900123}).
 *
 * @param entityId the ground-truth entity id, {@code P0000001} for the first person of a run
 * @param forename the forename
 * @param middleNames the middle names, possibly none
 * @param surname the surname at birth (a woman who marries takes {@link #marriedSurname()})
 * @param sex {@code "F"} or {@code "M"}
 * @param dateOfBirth the true date of birth
 * @param homeForce the code of the force most of the person's records come from
 * @param address the address (house, street, town) recorded most often
 * @param postcode the postcode of {@link #address()}
 * @param otherAddress a second address, used by {@link Corruption#MOVED_ADDRESS}
 * @param otherPostcode the postcode of {@link #otherAddress()}
 * @param pncId the PNC ID, canonical {@code YYYY/NNNNNNNC}, when the person has one
 * @param croNumber the CRO number, canonical {@code NNNNNN/YYC}, when the person has one
 * @param niNumber the National Insurance number when known
 * @param drivingLicence the 16-character DVLA licence number (for the birth surname) when known
 * @param phone the phone number, from Ofcom's drama ranges, when known
 * @param email the email address, at an RFC 2606 example domain, when known
 * @param warrantNumber a fictional police warrant number when the person is wanted
 * @param marriedSurname the surname taken on marriage, when the person married during the period
 * @param marriageDate the date of that marriage
 */
public record SyntheticPerson(
        String entityId,
        String forename,
        List<String> middleNames,
        String surname,
        String sex,
        LocalDate dateOfBirth,
        String homeForce,
        String address,
        String postcode,
        String otherAddress,
        String otherPostcode,
        Optional<String> pncId,
        Optional<String> croNumber,
        Optional<String> niNumber,
        Optional<String> drivingLicence,
        Optional<String> phone,
        Optional<String> email,
        Optional<String> warrantNumber,
        Optional<String> marriedSurname,
        Optional<LocalDate> marriageDate) {

    /** Checks that no component is null and copies the middle names. */
    public SyntheticPerson {
        checkNotNull(entityId, "entityId");
        checkNotNull(forename, "forename");
        middleNames = List.copyOf(middleNames);
        checkNotNull(surname, "surname");
        checkNotNull(sex, "sex");
        checkNotNull(dateOfBirth, "dateOfBirth");
        checkNotNull(homeForce, "homeForce");
        checkNotNull(address, "address");
        checkNotNull(postcode, "postcode");
        checkNotNull(otherAddress, "otherAddress");
        checkNotNull(otherPostcode, "otherPostcode");
        checkNotNull(pncId, "pncId");
        checkNotNull(croNumber, "croNumber");
        checkNotNull(niNumber, "niNumber");
        checkNotNull(drivingLicence, "drivingLicence");
        checkNotNull(phone, "phone");
        checkNotNull(email, "email");
        checkNotNull(warrantNumber, "warrantNumber");
        checkNotNull(marriedSurname, "marriedSurname");
        checkNotNull(marriageDate, "marriageDate");
    }

    /** Whether the person is female ({@link #sex()} is {@code "F"}). */
    public boolean isFemale() {
        return "F".equals(sex);
    }

    /** The surname in use on {@code date}: the married surname from the marriage date on, else the birth surname. */
    public String surnameOn(LocalDate date) {
        if (marriedSurname.isPresent() && marriageDate.isPresent() && !date.isBefore(marriageDate.get())) {
            return marriedSurname.get();
        }
        return surname;
    }
}

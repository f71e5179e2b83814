package io.github.palimpsest.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.palimpsest.normalise.CroNumber;
import io.github.palimpsest.normalise.DrivingLicence;
import io.github.palimpsest.normalise.Email;
import io.github.palimpsest.normalise.ForceName;
import io.github.palimpsest.normalise.Identifier;
import io.github.palimpsest.normalise.NameParser;
import io.github.palimpsest.normalise.NiNumber;
import io.github.palimpsest.normalise.DateParser;
import io.github.palimpsest.normalise.ParsedDate;
import io.github.palimpsest.normalise.ParsedValue;
import io.github.palimpsest.normalise.PersonName;
import io.github.palimpsest.normalise.Phone;
import io.github.palimpsest.normalise.PncId;
import io.github.palimpsest.normalise.Postcode;
import io.github.palimpsest.normalise.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One force's record about one person, in canonical form: every field keeps its raw text beside its
 * normalised value and, when invalid or weak, the reasons. Nothing given to the builder is lost: unknown
 * columns are kept in {@link #extras()}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}:
 * <pre>{@code
 * PersonRecord r = PersonRecord.builder()
 *     .recordId("MET-0001").force("Met")
 *     .fullName("SMITH, John Paul").dob("24.11.50").pncId("79/163001B")
 *     .build();
 * r.name().surname();            // "smith"
 * r.dateOfBirth().canonical();   // Optional[1950-11-24]
 * r.force().canonical();         // Optional[01]
 * }</pre>
 */
public final class PersonRecord {

    private static final Splitter ALIAS_SPLITTER = Splitter.on(';').trimResults().omitEmptyStrings();

    private final String recordId;
    private final ForceName force;
    private final String rawFullName;
    private final PersonName name;
    private final boolean nameFromFullName;
    private final List<PersonName> aliases;
    private final ParsedDate dateOfBirth;
    private final String rawSex;
    private final Sex sex;
    private final PncId pncId;
    private final CroNumber croNumber;
    private final NiNumber niNumber;
    private final DrivingLicence drivingLicence;
    private final Identifier warrantNumber;
    private final Phone phone;
    private final Email email;
    private final Postcode postcode;
    private final String address;
    private final ParsedDate eventDate;
    private final String eventType;
    private final String eventSummary;
    private final Map<String, Identifier> identifiers;
    private final Map<String, String> extras;
    /** The problems a reader or caller gave the builder; the field problems are found on first use. */
    private final List<Problem> givenProblems;
    /**
     * Every problem, computed on the first call to {@link #problems()}: the batch reader turns records straight
     * into their comparable form and never asks, and finding problems (messages, licence contradictions) is a
     * good part of building a record. Written at most once per thread with an immutable list, so a racing
     * reader sees either null (and computes the same list) or a complete list.
     */
    private List<Problem> problems;
    // The raw inputs the parsed values above do not keep, so that inputColumns() and toBuilder() lose nothing.
    private final String rawForename;
    private final String rawMiddleNames;
    private final String rawSurname;
    private final String rawAliases;
    private final LocalDate referenceDate;
    private final boolean forceIsSourceName;
    private final int earliestYear;

    private PersonRecord(Builder b, ParseCache parsed) {
        checkArgument(!b.recordId.isBlank(), "record_id is required and must not be blank");
        this.recordId = b.recordId.strip();
        this.force = parsed.force(b.force);
        this.forceIsSourceName = b.forceIsSourceName;
        this.rawFullName = b.fullName;
        boolean hasSeparateNames = !(b.forename.isBlank() && b.middleNames.isBlank() && b.surname.isBlank());
        this.nameFromFullName = !hasSeparateNames;
        this.name = hasSeparateNames
                ? NameParser.parse(b.forename, b.middleNames, b.surname)
                : NameParser.parse(b.fullName);
        this.aliases = aliasesOf(b.aliases);
        this.dateOfBirth = parsed.dateOfBirth(b.dob, b.referenceDate, b.earliestYear);
        this.earliestYear = b.earliestYear;
        this.rawSex = b.sex;
        this.sex = Sex.parse(b.sex);
        this.pncId = PncId.parse(b.pncId, b.referenceDate);
        this.croNumber = CroNumber.parse(b.croNumber);
        this.niNumber = NiNumber.parse(b.niNumber);
        this.drivingLicence = DrivingLicence.parse(b.drivingLicence);
        this.warrantNumber = Identifier.parse("warrant_number", b.warrantNumber);
        this.phone = Phone.parse(b.phone);
        this.email = Email.parse(b.email);
        this.postcode = Postcode.parse(b.postcode);
        this.address = b.address.strip();
        this.eventDate = parsed.eventDate(b.eventDate, b.referenceDate, b.earliestYear);
        this.eventType = b.eventType.strip();
        this.eventSummary = b.eventSummary.strip();
        if (b.identifiers == null) {
            this.identifiers = ImmutableMap.of();
        } else {
            ImmutableMap.Builder<String, Identifier> ids = ImmutableMap.builder();
            b.identifiers.forEach((type, raw) -> ids.put(type, Identifier.parse(type, raw)));
            this.identifiers = ids.build();
        }
        this.extras = b.extras == null ? ImmutableMap.of() : ImmutableMap.copyOf(b.extras);
        this.givenProblems = b.problems.isEmpty() ? List.of() : List.copyOf(b.problems);
        this.rawForename = b.forename;
        this.rawMiddleNames = b.middleNames;
        this.rawSurname = b.surname;
        this.rawAliases = b.aliases;
        this.referenceDate = b.referenceDate;
    }

    static List<PersonName> aliasesOf(String raw) {
        if (raw.isBlank()) {
            return ImmutableList.of();
        }
        ImmutableList.Builder<PersonName> aliasList = ImmutableList.builder();
        for (String alias : ALIAS_SPLITTER.split(raw)) {
            aliasList.add(NameParser.parse(alias));
        }
        return aliasList.build();
    }

    private List<Problem> collectProblems(List<Problem> given) {
        List<Problem> all = new ArrayList<>(given);
        if (!force.isValid() && force.isPresent() && !forceIsSourceName) {
            addProblems(all, "force", force);
        }
        addProblems(all, nameFromFullName ? "full_name" : "name", name);
        for (PersonName alias : aliases) {
            addProblems(all, "aliases", alias);
        }
        addProblems(all, "dob", dateOfBirth);
        if (!rawSex.isBlank() && sex == Sex.UNKNOWN) {
            all.add(new Problem("sex", "'" + rawSex.strip() + "' is not a recognised sex"));
        }
        addProblems(all, "pnc_id", pncId);
        addProblems(all, "cro_number", croNumber);
        addProblems(all, "ni_number", niNumber);
        addProblems(all, "driving_licence", drivingLicence);
        if (drivingLicence.isValid()) {
            // A licence that disagrees with the record's own surname, birth date or sex is evidence of
            // a wrong or borrowed identity, so it is reported rather than silently ignored.
            for (String contradiction : drivingLicence.contradictions(name.surname(), dateOfBirth.date(), sex)) {
                all.add(Problem.of("driving_licence", contradiction));
            }
        }
        addProblems(all, "warrant_number", warrantNumber);
        addProblems(all, "phone", phone);
        addProblems(all, "email", email);
        addProblems(all, "postcode", postcode);
        addProblems(all, "event_date", eventDate);
        identifiers.forEach((type, id) -> addProblems(all, Column.IDENTIFIER_PREFIX + type, id));
        return all.isEmpty() ? List.of() : List.copyOf(all);
    }

    private static void addProblems(List<Problem> sink, String field, ParsedValue value) {
        if (!value.isPresent()) {
            return;
        }
        List<String> messages = value.problems();
        if (messages.isEmpty()) {
            return; // most values: no iterator
        }
        for (String message : messages) {
            sink.add(Problem.of(field, message));
        }
    }

    /** A new builder; every field defaults to absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** The record's identifier, unique within a run. */
    public String recordId() {
        return recordId;
    }

    /**
     * Whether {@link #force()} names the record's source rather than a force given in the record: a file
     * without a {@code force} column is one source named after the file ({@link Builder#sourceName}). Such
     * a name that is no known force is not a problem; it still tells sources apart.
     */
    public boolean isForceSourceName() {
        return forceIsSourceName;
    }

    /** The force that holds the record: its code when known, the raw text always. */
    public ForceName force() {
        return force;
    }

    /** The raw {@code full_name} text, or empty when the name came in separate fields or not at all. */
    public String rawFullName() {
        return rawFullName;
    }

    /** The person's name as recorded (from {@code full_name} or from the separate name fields). */
    public PersonName name() {
        return name;
    }

    /** Other names the person is recorded under (maiden names, AKAs), in the order given. */
    public List<PersonName> aliases() {
        return aliases;
    }

    /** The date of birth. */
    public ParsedDate dateOfBirth() {
        return dateOfBirth;
    }

    /** The sex as recorded, {@link Sex#UNKNOWN} when absent or unrecognised. */
    public Sex sex() {
        return sex;
    }

    /** The raw text of the {@code sex} field. */
    public String rawSex() {
        return rawSex;
    }

    /** The Police National Computer ID. */
    public PncId pncId() {
        return pncId;
    }

    /** The Criminal Records Office number. */
    public CroNumber croNumber() {
        return croNumber;
    }

    /** The National Insurance number. */
    public NiNumber niNumber() {
        return niNumber;
    }

    /** The DVLA driving licence number. */
    public DrivingLicence drivingLicence() {
        return drivingLicence;
    }

    /** The police warrant (officer identification) number. */
    public Identifier warrantNumber() {
        return warrantNumber;
    }

    /** The phone number. */
    public Phone phone() {
        return phone;
    }

    /** The email address. */
    public Email email() {
        return email;
    }

    /** The postcode. */
    public Postcode postcode() {
        return postcode;
    }

    /** The address text, trimmed; empty when absent. */
    public String address() {
        return address;
    }

    /** The date of the event the record is about (an allegation, an arrest, ...). */
    public ParsedDate eventDate() {
        return eventDate;
    }

    /** The type of event as the force wrote it, trimmed; empty when absent. */
    public String eventType() {
        return eventType;
    }

    /** A short free-text summary of the event; empty when absent. */
    public String eventSummary() {
        return eventSummary;
    }

    /** Generic identifiers from {@code id_<type>} columns, keyed by lower-case type (e.g. {@code "ssn"}). */
    public Map<String, Identifier> identifiers() {
        return identifiers;
    }

    /** Columns outside the canonical schema, passed through untouched, in input order. */
    public Map<String, String> extras() {
        return extras;
    }

    /** Every problem found in the record's fields, in schema order. */
    public List<Problem> problems() {
        List<Problem> all = problems;
        if (all == null) {
            all = collectProblems(givenProblems);
            problems = all;
        }
        return all;
    }

    /** Whether any name (the main name or an alias) is present. */
    public boolean hasName() {
        return name.hasName() || aliases.stream().anyMatch(PersonName::hasName);
    }

    /**
     * Whether the record carries no name but still has something that identifies a person (a date of
     * birth, an identifier, a phone, an email): the shape of a record whose name was purged.
     */
    public boolean hasPurgedName() {
        return !hasName() && (dateOfBirth.isValid() || pncId.isValid() || croNumber.isValid()
                || niNumber.isValid() || drivingLicence.isValid() || phone.isValid() || email.isValid()
                || identifiers.values().stream().anyMatch(ParsedValue::isValid));
    }

    /** The date against which two-digit years and future dates were judged when the record was built. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    /**
     * The record's input as CSV columns, header to raw text exactly as given, in schema order: canonical
     * columns by {@link Column#header()}, generic identifiers as {@code id_<type>}, then the extra columns.
     * Blank fields are left out. Setting every entry on a builder ({@link Builder#set(String, String)}) with
     * the same {@link #referenceDate()} rebuilds a record with the same values; {@link #toBuilder()} does so
     * and keeps the problems a reader added too.
     */
    public Map<String, String> inputColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        String[] canonical = {recordId, force.raw(), rawFullName, rawForename, rawMiddleNames, rawSurname,
            rawAliases, dateOfBirth.raw(), rawSex, pncId.raw(), croNumber.raw(), niNumber.raw(),
            drivingLicence.raw(), warrantNumber.raw(), phone.raw(), email.raw(), postcode.raw(), address,
            eventDate.raw(), eventType, eventSummary};
        for (Column column : Column.values()) {
            putIfPresent(columns, column.header(), canonical[column.ordinal()]);
        }
        identifiers.forEach((type, id) -> putIfPresent(columns, Column.IDENTIFIER_PREFIX + type, id.raw()));
        extras.forEach((column, value) -> putIfPresent(columns, column, value));
        return columns;
    }

    private static void putIfPresent(Map<String, String> columns, String header, String value) {
        if (!value.isBlank()) {
            columns.put(header, value);
        }
    }

    /**
     * A builder holding this record's input, reference date and any problems a reader added: {@code build()}
     * returns a record with the same values. Use it to make a changed copy, e.g.
     * {@code record.toBuilder().phone("07700 900123").build()}.
     */
    public Builder toBuilder() {
        Builder builder = builder().referenceDate(referenceDate).earliestYear(earliestYear);
        inputColumns().forEach(builder::set);
        if (forceIsSourceName) {
            builder.sourceName(force.raw());
        }
        givenProblems.forEach(builder::problem);
        return builder;
    }

    @Override
    public String toString() {
        // Deliberately no personal data: records end up in exception messages and debuggers.
        return "PersonRecord[" + recordId + ", force=" + force.raw() + "]";
    }

    /**
     * Collects the raw fields of a {@link PersonRecord}. Not thread-safe; {@link #build()} may be called
     * more than once and every call normalises afresh.
     */
    public static final class Builder {
        private String recordId = "";
        private String force = "";
        private boolean forceIsSourceName;
        private String fullName = "";
        private String forename = "";
        private String middleNames = "";
        private String surname = "";
        private String aliases = "";
        private String dob = "";
        private String sex = "";
        private String pncId = "";
        private String croNumber = "";
        private String niNumber = "";
        private String drivingLicence = "";
        private String warrantNumber = "";
        private String phone = "";
        private String email = "";
        private String postcode = "";
        private String address = "";
        private String eventDate = "";
        private String eventType = "";
        private String eventSummary = "";
        // Made on first use: most rows have neither, and a reader builds a record per row.
        private Map<String, String> identifiers;
        private Map<String, String> extras;
        private final List<Problem> problems = new ArrayList<>();
        private LocalDate referenceDate = LocalDate.now();
        private int earliestYear = DateParser.DEFAULT_EARLIEST_YEAR;

        private Builder() {
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        /** Required: the record's identifier, unique within a run. */
        public Builder recordId(String value) {
            this.recordId = text(value);
            return this;
        }

        /** The force: a two-digit code, an official name or an everyday variant ("Met", "Herts"). */
        public Builder force(String value) {
            this.force = text(value);
            this.forceIsSourceName = false;
            return this;
        }

        /**
         * The name of the record's source, standing for the force when the input gives none (a file without
         * a {@code force} column is one source named after the file). It is read as a force when it is one;
         * when it is not, that is no problem on the record, and the name still tells sources apart.
         */
        public Builder sourceName(String value) {
            this.force = text(value);
            this.forceIsSourceName = true;
            return this;
        }

        /** The whole name in one field, in any of the layouts {@link NameParser} accepts. */
        public Builder fullName(String value) {
            this.fullName = text(value);
            return this;
        }

        /** The forename, when names come in separate fields. */
        public Builder forename(String value) {
            this.forename = text(value);
            return this;
        }

        /** Middle names, when names come in separate fields. */
        public Builder middleNames(String value) {
            this.middleNames = text(value);
            return this;
        }

        /** The surname, when names come in separate fields. */
        public Builder surname(String value) {
            this.surname = text(value);
            return this;
        }

        /** Other full names, separated by {@code ;} (a maiden name, an AKA). */
        public Builder aliases(String value) {
            this.aliases = text(value);
            return this;
        }

        /** The date of birth in any accepted format. */
        public Builder dob(String value) {
            this.dob = text(value);
            return this;
        }

        /** The sex: M/F, Male/Female and the like. */
        public Builder sex(String value) {
            this.sex = text(value);
            return this;
        }

        /** The PNC ID in any accepted spelling. */
        public Builder pncId(String value) {
            this.pncId = text(value);
            return this;
        }

        /** The CRO number in any accepted spelling. */
        public Builder croNumber(String value) {
            this.croNumber = text(value);
            return this;
        }

        /** The National Insurance number. */
        public Builder niNumber(String value) {
            this.niNumber = text(value);
            return this;
        }

        /** The DVLA driving licence number. */
        public Builder drivingLicence(String value) {
            this.drivingLicence = text(value);
            return this;
        }

        /** The police warrant number. */
        public Builder warrantNumber(String value) {
            this.warrantNumber = text(value);
            return this;
        }

        /** The phone number. */
        public Builder phone(String value) {
            this.phone = text(value);
            return this;
        }

        /** The email address. */
        public Builder email(String value) {
            this.email = text(value);
            return this;
        }

        /** The postcode. */
        public Builder postcode(String value) {
            this.postcode = text(value);
            return this;
        }

        /** The address text. */
        public Builder address(String value) {
            this.address = text(value);
            return this;
        }

        /** The date of the event the record is about. */
        public Builder eventDate(String value) {
            this.eventDate = text(value);
            return this;
        }

        /** The type of event. */
        public Builder eventType(String value) {
            this.eventType = text(value);
            return this;
        }

        /** A short summary of the event. */
        public Builder eventSummary(String value) {
            this.eventSummary = text(value);
            return this;
        }

        /** A generic identifier of the given type (the part after {@code id_} in a column header). */
        public Builder identifier(String type, String value) {
            checkNotNull(type, "type");
            String folded = type.strip().toLowerCase(Locale.ROOT);
            checkArgument(!folded.isEmpty(), "identifier type must not be blank");
            if (identifiers == null) {
                identifiers = new LinkedHashMap<>();
            }
            identifiers.put(folded, text(value));
            return this;
        }

        /** A column outside the canonical schema, kept untouched. */
        public Builder extra(String column, String value) {
            checkNotNull(column, "column");
            if (extras == null) {
                extras = new LinkedHashMap<>();
            }
            extras.put(column, text(value));
            return this;
        }

        /**
         * Sets a field by its CSV header, as {@link RecordCsvReader} does: canonical columns by name
         * (case-insensitive, spaces ignored), {@code id_<type>} as a generic identifier, anything else as
         * an extra column.
         */
        public Builder set(String header, String value) {
            checkNotNull(header, "header");
            Optional<Column> column = Column.forHeader(header);
            if (column.isPresent()) {
                return set(column.get(), value);
            }
            String folded = Column.normaliseHeader(header);
            if (folded.startsWith(Column.IDENTIFIER_PREFIX) && folded.length() > Column.IDENTIFIER_PREFIX.length()) {
                return identifier(folded.substring(Column.IDENTIFIER_PREFIX.length()), value);
            }
            return extra(header, value);
        }

        /** Sets a canonical field. */
        public Builder set(Column column, String value) {
            switch (column) {
                case RECORD_ID -> recordId(value);
                case FORCE -> force(value);
                case FULL_NAME -> fullName(value);
                case FORENAME -> forename(value);
                case MIDDLE_NAMES -> middleNames(value);
                case SURNAME -> surname(value);
                case ALIASES -> aliases(value);
                case DOB -> dob(value);
                case SEX -> sex(value);
                case PNC_ID -> pncId(value);
                case CRO_NUMBER -> croNumber(value);
                case NI_NUMBER -> niNumber(value);
                case DRIVING_LICENCE -> drivingLicence(value);
                case WARRANT_NUMBER -> warrantNumber(value);
                case PHONE -> phone(value);
                case EMAIL -> email(value);
                case POSTCODE -> postcode(value);
                case ADDRESS -> address(value);
                case EVENT_DATE -> eventDate(value);
                case EVENT_TYPE -> eventType(value);
                case EVENT_SUMMARY -> eventSummary(value);
            }
            return this;
        }

        /** Adds a problem found outside the fields themselves, e.g. by a reader ({@code row: ...}). */
        public Builder problem(Problem problem) {
            problems.add(checkNotNull(problem, "problem"));
            return this;
        }

        /**
         * The date against which two-digit years and future dates are judged; defaults to today. Fix it
         * for reproducible results.
         */
        public Builder referenceDate(LocalDate date) {
            this.referenceDate = checkNotNull(date, "date");
            return this;
        }

        /**
         * The earliest year a date of birth or event date may have; defaults to
         * {@link DateParser#DEFAULT_EARLIEST_YEAR} (any year, for historical records and archives). Raise it
         * when every record is recent, so that {@code 0980} is read as a typing error; it must not be after
         * the reference year when the record is built.
         */
        public Builder earliestYear(int year) {
            checkArgument(year >= 1, "earliest year must be at least 1, got %s", year);
            this.earliestYear = year;
            return this;
        }

        /**
         * Normalises every field and returns the record.
         *
         * @throws IllegalArgumentException if the record id is blank
         */
        public PersonRecord build() {
            return new PersonRecord(this, ParseCache.NONE);
        }

        /** As {@link #build()}, taking repeated dates and forces from a reader's cache. */
        PersonRecord build(ParseCache parsed) {
            return new PersonRecord(this, parsed);
        }
    }
}

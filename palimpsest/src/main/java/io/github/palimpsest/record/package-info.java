/**
 * Records about people: {@link io.github.palimpsest.record.PersonRecord} holds one record's fields, parsed and
 * normalised when it is built (each field keeps its raw text, and what could not be parsed is kept as a
 * {@link io.github.palimpsest.record.Problem}, never dropped); {@link io.github.palimpsest.record.RecordCsvReader}
 * reads them from CSV files whose headers name the columns; {@link io.github.palimpsest.record.ComparableRecord}
 * is the form that comparisons and blocking read.
 *
 * <pre>{@code
 * PersonRecord r = PersonRecord.builder()
 *         .recordId("MET-0001").force("Metropolitan Police")
 *         .forename("Jon").surname("Smyth").dob("07/03/1985").pncId("85/123456X")
 *         .build();
 * r.name().forename();                  // "jon"
 * r.dateOfBirth().canonical();          // Optional[1985-03-07]
 * r.problems();                         // [pnc_id: check letter should be J, not X]
 *
 * List<PersonRecord> records = RecordCsvReader.create().readRecords(List.of(met, herts));
 * }</pre>
 */
package io.github.palimpsest.record;

/**
 * Parsers and normalisers of the fields of a police record: names, dates, UK postcodes, forces and the
 * identifiers (PNC ID, CRO number, National Insurance number, driving licence, phone, email). Each parser
 * returns a {@link io.github.palimpsest.normalise.ParsedValue}: the raw text, the canonical form when there is
 * one, and the problems found, in words. Parsers never throw on bad input. See {@code docs/names.md} and
 * {@code docs/identifiers.md}.
 *
 * <pre>{@code
 * PncId pnc = PncId.parse("85/123456X");
 * pnc.isValid();                                      // false
 * pnc.problems();                                     // [pnc_id: check letter should be J, not X]
 * PncId.parse("85/123456J").canonical();              // Optional[1985/0123456J]
 * Postcode.parse("sw1a1aa").canonical();              // Optional[SW1A 1AA]
 * PersonName name = NameParser.parse("SMITH, John Paul");
 * name.forename();                                    // "john"
 * name.middleNames();                                 // [paul]
 * DateParser.parseDateOfBirth("7 Mar 85").canonical(); // Optional[1985-03-07]
 * }</pre>
 */
package io.github.palimpsest.normalise;

package io.github.palimpsest.normalise;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The postcode areas (the leading letters of a postcode) in use in the UK postcode system, including
 * the Crown dependencies (GY Guernsey, JE Jersey, IM Isle of Man), which use the same format, and the
 * non-geographic areas BF (British Forces) and BX. Knowing the areas lets {@link Postcode} reject
 * strings that merely have the shape of a postcode ("ZZ1 1AA") and decide which O/0 or I/1 reading of a
 * mistyped postcode is the real one.
 *
 * <p>Package-private: a fact table for {@link Postcode}, not API.
 */
final class PostcodeAreas {

    private static final Set<String> AREAS = ImmutableSet.of(
            "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX",
            "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW",
            "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY",
            "E", "EC", "EH", "EN", "EX",
            "FK", "FY",
            "G", "GL", "GU", "GY",
            "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX",
            "IG", "IM", "IP", "IV",
            "JE",
            "KA", "KT", "KW", "KY",
            "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU",
            "M", "ME", "MK", "ML",
            "N", "NE", "NG", "NN", "NP", "NR", "NW",
            "OL", "OX",
            "PA", "PE", "PH", "PL", "PO", "PR",
            "RG", "RH", "RM",
            "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY",
            "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
            "UB",
            "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV",
            "YO",
            "ZE");

    private PostcodeAreas() {
    }

    static boolean isKnown(String area) {
        return AREAS.contains(area);
    }

    static Set<String> all() {
        return AREAS;
    }
}

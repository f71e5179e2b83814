package io.github.palimpsest.synthetic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;

/**
 * The generator's own small directory of forces: code, labels, and the postcode areas and towns its
 * addresses are drawn from. Deliberately independent of the {@code normalise} package's directory, so
 * that the generator can be used to test it. Codes are the Home Office / PNC force codes.
 */
final class ForceDirectory {

    /** One force's facts as the generator uses them. */
    static final class Force {
        final String code;
        final ImmutableList<String> labels;
        final ImmutableList<String> postcodeAreas;
        final ImmutableList<String> towns;

        Force(String code, List<String> labels, List<String> postcodeAreas, List<String> towns) {
            this.code = code;
            this.labels = ImmutableList.copyOf(labels);
            this.postcodeAreas = ImmutableList.copyOf(postcodeAreas);
            this.towns = ImmutableList.copyOf(towns);
        }
    }

    private static final ImmutableList<String> GENERIC_AREAS =
            ImmutableList.of("B", "LS", "M", "L", "NG", "LE", "BS", "CF", "S", "SO", "NE", "YO");
    private static final ImmutableList<String> GENERIC_TOWNS =
            ImmutableList.of("Birmingham", "Leeds", "Manchester", "Liverpool", "Nottingham", "Leicester",
                    "Bristol", "Cardiff", "Sheffield", "Southampton", "Newcastle upon Tyne", "York");

    private static final ImmutableMap<String, Force> FORCES = buildDirectory();

    private ForceDirectory() {
    }

    /** The force with this code, or a generic one labelled with the code itself when unknown. */
    static Force force(String code) {
        Force f = FORCES.get(code);
        return f != null ? f : new Force(code, List.of(code), GENERIC_AREAS, GENERIC_TOWNS);
    }

    private static ImmutableMap<String, Force> buildDirectory() {
        ImmutableMap.Builder<String, Force> m = ImmutableMap.builder();
        put(m, "01", List.of("MPS", "Metropolitan Police Service", "Met"),
                List.of("E", "N", "SE", "SW", "W", "NW", "HA", "CR", "BR", "IG"),
                List.of("London", "Croydon", "Harrow", "Ilford", "Bromley"));
        put(m, "41", List.of("Hertfordshire Constabulary", "Herts"),
                List.of("AL", "SG", "WD", "HP", "EN"),
                List.of("St Albans", "Stevenage", "Watford", "Hemel Hempstead", "Hitchin", "Hatfield"));
        put(m, "44", List.of("Hampshire and Isle of Wight Constabulary", "Hampshire Constabulary", "Hants"),
                List.of("SO", "PO", "SP", "RG"),
                List.of("Southampton", "Portsmouth", "Winchester", "Basingstoke", "Newport"));
        put(m, "47", List.of("Sussex Police", "47"),
                List.of("BN", "RH", "TN"),
                List.of("Brighton", "Crawley", "Eastbourne", "Hastings", "Worthing", "Chichester"));
        put(m, "48", List.of("City of London Police", "CoLP"), List.of("EC"), List.of("London"));
        put(m, "06", List.of("Greater Manchester Police", "GMP"),
                List.of("M", "BL", "OL", "SK", "WN"),
                List.of("Manchester", "Bolton", "Oldham", "Stockport", "Wigan"));
        put(m, "13", List.of("West Yorkshire Police", "WYP"),
                List.of("LS", "BD", "HD", "WF", "HX"),
                List.of("Leeds", "Bradford", "Huddersfield", "Wakefield", "Halifax"));
        put(m, "20", List.of("West Midlands Police", "WMP"),
                List.of("B", "CV", "WV", "WS", "DY"),
                List.of("Birmingham", "Coventry", "Wolverhampton", "Walsall", "Dudley"));
        put(m, "43", List.of("Thames Valley Police", "TVP"),
                List.of("OX", "RG", "MK", "SL"),
                List.of("Oxford", "Reading", "Milton Keynes", "Slough", "High Wycombe"));
        put(m, "46", List.of("Kent Police", "Kent"),
                List.of("ME", "CT", "TN", "DA"),
                List.of("Maidstone", "Canterbury", "Tunbridge Wells", "Dartford", "Margate"));
        put(m, "05", List.of("Merseyside Police", "Merseyside"),
                List.of("L", "CH", "WA"), List.of("Liverpool", "Birkenhead", "St Helens", "Bootle"));
        put(m, "62", List.of("South Wales Police", "SWP"),
                List.of("CF", "SA"), List.of("Cardiff", "Swansea", "Bridgend", "Merthyr Tydfil"));
        put(m, "54", List.of("Wiltshire Police", "Wilts"),
                List.of("SN", "SP", "BA"), List.of("Swindon", "Salisbury", "Chippenham", "Trowbridge"));
        put(m, "93", List.of("British Transport Police", "BTP"),
                GENERIC_AREAS, GENERIC_TOWNS);
        // The remaining territorial forces of England and Wales: names only, generic addresses.
        String[][] others = {
            {"03", "Cumbria Constabulary"}, {"04", "Lancashire Constabulary"}, {"07", "Cheshire Constabulary"},
            {"10", "Northumbria Police"}, {"11", "Durham Constabulary"}, {"12", "North Yorkshire Police"},
            {"14", "South Yorkshire Police"}, {"16", "Humberside Police"}, {"17", "Cleveland Police"},
            {"21", "Staffordshire Police"}, {"22", "West Mercia Police"}, {"23", "Warwickshire Police"},
            {"30", "Derbyshire Constabulary"}, {"31", "Nottinghamshire Police"}, {"32", "Lincolnshire Police"},
            {"33", "Leicestershire Police"}, {"34", "Northamptonshire Police"},
            {"35", "Cambridgeshire Constabulary"}, {"36", "Norfolk Constabulary"},
            {"37", "Suffolk Constabulary"}, {"40", "Bedfordshire Police"}, {"42", "Essex Police"},
            {"45", "Surrey Police"}, {"50", "Devon and Cornwall Police"},
            {"52", "Avon and Somerset Constabulary"}, {"53", "Gloucestershire Constabulary"},
            {"55", "Dorset Police"}, {"60", "North Wales Police"}, {"61", "Gwent Police"},
            {"63", "Dyfed-Powys Police"},
        };
        for (String[] o : others) {
            put(m, o[0], List.of(o[1]), GENERIC_AREAS, GENERIC_TOWNS);
        }
        return m.build();
    }

    private static void put(ImmutableMap.Builder<String, Force> m, String code, List<String> labels,
            List<String> areas, List<String> towns) {
        m.put(code, new Force(code, labels, areas, towns));
    }
}

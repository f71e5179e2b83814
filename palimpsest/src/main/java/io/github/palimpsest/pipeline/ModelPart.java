package io.github.palimpsest.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of a person model that training rules refer to, as typed keys: the relatives' classes need the
 * home, distinguishing and kin comparisons, anchored training the anchoring identifiers. Each part has the
 * one key that its comparison, its blocking rule and the model's JSON use ({@link #key()}), so a training
 * rule names a part by this enum and the mapping to keys is written here once, not as string literals
 * scattered through the rules. Generic identifiers ({@code id_<type>}) have no fixed part.
 */
public enum ModelPart {
    FORENAME("forename"),
    SURNAME("surname"),
    DATE_OF_BIRTH("dob"),
    POSTCODE("postcode"),
    ADDRESS("address"),
    PNC_ID("pnc_id"),
    CRO_NUMBER("cro_number"),
    NI_NUMBER("ni_number"),
    DRIVING_LICENCE("driving_licence");

    /** Comparisons whose first level means two records share a home. */
    public static final Set<ModelPart> HOME = EnumSet.of(POSTCODE, ADDRESS);
    /** Comparisons that tell relatives apart: a relative differs from the person in one of them. */
    public static final Set<ModelPart> DISTINGUISHING = EnumSet.of(FORENAME, DATE_OF_BIRTH);
    /** What relatives apart share: the surname. */
    public static final Set<ModelPart> KIN = EnumSet.of(SURNAME);
    /** Identifiers of one person: relatives share them no more often than strangers do. */
    public static final Set<ModelPart> PERSONAL_IDENTIFIERS = EnumSet.of(PNC_ID, CRO_NUMBER, NI_NUMBER,
            DRIVING_LICENCE);
    /** The identifiers whose agreement makes an anchor pair, in the order anchored training counts them. */
    public static final List<ModelPart> ANCHORS = List.of(PNC_ID, CRO_NUMBER, NI_NUMBER);

    private final String key;

    ModelPart(String key) {
        this.key = key;
    }

    /** The name the part's comparison, blocking rule and model entry share. */
    public String key() {
        return key;
    }

    /** The position of this part among the comparison names, or −1. */
    public int indexIn(List<String> names) {
        return names.indexOf(key);
    }

    /** Whether the comparison of this name is one of {@code parts}. */
    public static boolean isAny(String name, Set<ModelPart> parts) {
        for (ModelPart part : parts) {
            if (part.key.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The keys of some parts, in enum order: what the model's JSON records. */
    public static List<String> keys(Set<ModelPart> parts) {
        List<String> keys = new ArrayList<>();
        for (ModelPart part : parts) {
            keys.add(part.key);
        }
        return keys;
    }
}

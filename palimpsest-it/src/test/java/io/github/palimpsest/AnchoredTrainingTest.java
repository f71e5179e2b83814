package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.normalise.Sex;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training on anchor pairs (records that share a PNC ID, CRO or NI number): identifiers that collide by
 * chance between two different people must not teach the model that the same person's records often
 * disagree.
 */
class AnchoredTrainingTest {

    @Test
    void strangersWhoShareAPncIdByChanceDoNotWeakenTheEvidenceOfADifferentSex() {
        List<PersonRecord> records = new ArrayList<>(TestComparisons.synthetic(1_500, 5).stream()
                .map(TestComparisons::toRecord).toList());
        double clean = sexDifferentWeight(records);
        // 60 collisions: a record of one sex takes the PNC ID of a record of the other sex (another person).
        List<PersonRecord> withPnc = records.stream().filter(r -> r.pncId().canonical().isPresent()).toList();
        int collisions = 0;
        for (int i = 0; i < records.size() && collisions < 60; i++) {
            PersonRecord target = records.get(i);
            PersonRecord donor = withPnc.get((i * 7919) % withPnc.size());
            if (target.pncId().raw().isEmpty() && known(target) && known(donor) && target.sex() != donor.sex()) {
                records.set(i, target.toBuilder().pncId(donor.pncId().raw()).build());
                collisions++;
            }
        }
        assertTrue(collisions == 60, "made " + collisions + " collisions");
        double collided = sexDifferentWeight(records);
        assertTrue(collided < -8, "sex 'different' weight " + collided + " (without collisions " + clean + ")");
    }

    private static boolean known(PersonRecord record) {
        return record.sex() != Sex.UNKNOWN;
    }

    private static double sexDifferentWeight(List<PersonRecord> records) {
        MatchModel model = Linker.builder().seed(5).build().train(records);
        int sex = IndexedModel.of(model).indexOf("sex").orElseThrow();
        return IndexedModel.of(model).levelWeight(sex, 1);
    }
}

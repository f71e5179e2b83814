package io.github.palimpsest;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.time.LocalDate;
import java.util.List;

public class ScratchDemo {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int people = Integer.parseInt(args[0]);
        List<PersonRecord> pool = SyntheticForces.builder().people(people).seed(42).build().stream().map(s -> {
            PersonRecord.Builder b = PersonRecord.builder().referenceDate(LocalDate.of(2025, 1, 1));
            s.columns().forEach(b::set);
            return b.build();
        }).toList();
        long t1 = System.nanoTime();
        LinkResult trained = Linker.builder().seed(42).build().link(pool);
        long t2 = System.nanoTime();
        System.out.println("records " + pool.size() + " gen " + (t1 - t0) / 1e6 + " ms, link " + (t2 - t1) / 1e6 + " ms " + trained.statistics());
        System.out.println(trained.model().toJson());
    }
}

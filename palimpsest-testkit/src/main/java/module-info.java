/**
 * Palimpsest's testkit: entirely fictional cross-force records with known truth
 * ({@link io.github.palimpsest.synthetic.SyntheticForces}) and jqwik arbitraries over them
 * ({@link io.github.palimpsest.synthetic.SyntheticArbitraries}), for test harnesses of systems that embed the
 * library. jqwik is needed only by the arbitraries, so it is not required at run time.
 */
module io.github.palimpsest.testkit {
    requires transitive io.github.palimpsest;
    requires com.google.common;
    requires org.apache.commons.csv;
    requires static net.jqwik.api;

    exports io.github.palimpsest.synthetic;
}

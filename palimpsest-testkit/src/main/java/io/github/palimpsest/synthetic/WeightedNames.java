package io.github.palimpsest.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** An immutable list of names drawn with probability proportional to their weights. Thread-safe. */
final class WeightedNames {

    private final String[] names;
    private final double[] cumulative;

    WeightedNames(List<String> names, List<Double> weights) {
        checkArgument(!names.isEmpty() && names.size() == weights.size(), "need as many weights as names");
        this.names = names.toArray(new String[0]);
        this.cumulative = new double[names.size()];
        double total = 0;
        for (int i = 0; i < this.names.length; i++) {
            checkArgument(weights.get(i) > 0, "weight of %s must be positive", this.names[i]);
            total += weights.get(i);
            cumulative[i] = total;
        }
    }

    /** A name drawn by weight: binary search over the cumulative weights. */
    String draw(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        int index = i >= 0 ? i + 1 : -i - 1;
        return names[Math.min(index, names.length - 1)];
    }

    /** The {@code n} heaviest names, heaviest first (ties in file order). */
    List<String> heaviest(int n) {
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(weight(b), weight(a)));
        String[] top = new String[Math.min(n, names.length)];
        for (int i = 0; i < top.length; i++) {
            top[i] = names[order[i]];
        }
        return List.of(top);
    }

    /** The weights, heaviest first. */
    double[] weightsHeaviestFirst() {
        double[] w = new double[names.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(i);
        }
        Arrays.sort(w);
        for (int i = 0; i < w.length / 2; i++) {
            double t = w[i];
            w[i] = w[w.length - 1 - i];
            w[w.length - 1 - i] = t;
        }
        return w;
    }

    /** Whether the table holds {@code name}. */
    boolean contains(String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private double weight(int i) {
        return i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
    }
}

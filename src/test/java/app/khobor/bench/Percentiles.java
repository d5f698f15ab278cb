package app.khobor.bench;

import java.util.Arrays;
import java.util.List;

/** Medians and high percentiles of measured samples (nearest rank): machines are noisy, means mislead. */
final class Percentiles {
    private final double[] sorted;

    Percentiles(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    double median() {
        return at(50);
    }

    double p90() {
        return at(90);
    }

    double min() {
        return sorted[0];
    }

    double at(double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int count() {
        return sorted.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}

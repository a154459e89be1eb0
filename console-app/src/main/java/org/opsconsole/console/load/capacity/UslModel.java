package org.opsconsole.console.load.capacity;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

import java.util.Comparator;
import java.util.List;

/**
 * Gunther's Universal Scalability Law, X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)):
 * throughput X at concurrency N, from the throughput of one (lambda), contention (sigma: the share
 * of the work that queues for something shared) and coherency (kappa: the cost of keeping shared
 * state in step, which makes throughput fall past a peak). Fitted by least squares
 * (Levenberg-Marquardt, Apache Commons Math) with a 95% confidence interval for each parameter.
 *
 * @param measuredUpTo the largest concurrency among the points fitted: beyond it the model extrapolates
 */
public record UslModel(double lambda, double sigma, double kappa, Interval lambdaInterval, Interval sigmaInterval,
                       Interval kappaInterval, double measuredUpTo) {

    /** A measured point: throughput (requests/s) at a concurrency (requests in flight on average). */
    public record Point(double concurrency, double throughput) {
    }

    /** A 95% confidence interval. */
    public record Interval(double low, double high) {

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /** At least this many points: three parameters and one degree of freedom left to judge them by. */
    public static final int MIN_POINTS = 4;

    public double throughput(double concurrency) {
        return lambda * concurrency / (1 + sigma * (concurrency - 1) + kappa * concurrency * (concurrency - 1));
    }

    /** The concurrency of the highest throughput, sqrt((1 - sigma) / kappa); infinite without coherency cost. */
    @JsonProperty
    public double peakConcurrency() {
        return kappa > 0 ? Math.sqrt(Math.max(0, 1 - sigma) / kappa) : Double.POSITIVE_INFINITY;
    }

    /** The highest throughput the model predicts (without coherency cost, its limit lambda / sigma). */
    @JsonProperty
    public double peakThroughput() {
        double peak = peakConcurrency();
        if (Double.isFinite(peak)) {
            return throughput(Math.max(1, peak));
        }
        return sigma > 0 ? lambda / sigma : Double.POSITIVE_INFINITY;
    }

    /**
     * Whether sigma or kappa is known no better than to within its own size (its 95% interval
     * reaches past zero and as far above): the steps say little about how throughput bends.
     */
    @JsonProperty
    public boolean poorlyDetermined() {
        return tooLittleConcurrency() || sigmaInterval != null && kappaInterval != null
                && (sigmaInterval.high() - sigmaInterval.low() > 2 * Math.max(sigma, 1e-12)
                || kappaInterval.high() - kappaInterval.low() > 2 * Math.max(kappa, 1e-15));
    }

    /** Whether no step had even one request in flight: the law's concurrency was never reached, its fit says nothing. */
    public boolean tooLittleConcurrency() {
        return measuredUpTo < 1;
    }

    /** Whether the peak lies beyond what was measured: a prediction, not an observation. */
    @JsonProperty
    public boolean peakExtrapolated() {
        return peakConcurrency() > measuredUpTo;
    }

    /**
     * The model that fits {@code points} best; sigma is kept within [0, 1] and kappa and lambda
     * at least 0.
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_POINTS} points of different concurrency
     */
    public static UslModel fit(List<Point> points) {
        List<Point> usable = points.stream()
                .filter(p -> p.concurrency() > 0 && p.throughput() > 0 && Double.isFinite(p.concurrency()))
                .sorted(Comparator.comparingDouble(Point::concurrency))
                .toList();
        if (usable.stream().map(Point::concurrency).distinct().count() < MIN_POINTS) {
            throw new IllegalArgumentException("the Universal Scalability Law needs at least " + MIN_POINTS
                    + " steps at different concurrency; got " + usable.size());
        }
        double[] n = usable.stream().mapToDouble(Point::concurrency).toArray();
        double[] x = usable.stream().mapToDouble(Point::throughput).toArray();
        // lambda starts as the throughput per unit of concurrency at the lowest concurrency measured
        double[] start = {x[0] / n[0], 0.01, 0.0001};
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(start)
                .model(parameters -> value(parameters, n))
                .target(x)
                .parameterValidator(p -> new ArrayRealVector(new double[] {
                        Math.max(1e-9, p.getEntry(0)), Math.min(1, Math.max(0, p.getEntry(1))), Math.max(0, p.getEntry(2))}))
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build());
        RealVector fitted = optimum.getPoint();
        int freedom = n.length - 3;
        double residualVariance = optimum.getCost() * optimum.getCost() / freedom;
        double t = new TDistribution(freedom).inverseCumulativeProbability(0.975);
        double[] errors = optimum.getSigma(1e-14).mapMultiply(Math.sqrt(residualVariance)).toArray();
        Interval[] intervals = new Interval[3];
        for (int i = 0; i < 3; i++) {
            double value = fitted.getEntry(i);
            intervals[i] = new Interval(value - t * errors[i], value + t * errors[i]);
        }
        return new UslModel(fitted.getEntry(0), fitted.getEntry(1), fitted.getEntry(2), intervals[0], intervals[1],
                intervals[2], n[n.length - 1]);
    }

    /** The model's throughput at each concurrency and its derivatives by lambda, sigma and kappa. */
    private static Pair<RealVector, RealMatrix> value(RealVector parameters, double[] n) {
        double lambda = parameters.getEntry(0);
        double sigma = parameters.getEntry(1);
        double kappa = parameters.getEntry(2);
        RealVector value = new ArrayRealVector(n.length);
        RealMatrix jacobian = new Array2DRowRealMatrix(n.length, 3);
        for (int i = 0; i < n.length; i++) {
            double d = 1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1);
            value.setEntry(i, lambda * n[i] / d);
            jacobian.setEntry(i, 0, n[i] / d);
            jacobian.setEntry(i, 1, -lambda * n[i] * (n[i] - 1) / (d * d));
            jacobian.setEntry(i, 2, -lambda * n[i] * n[i] * (n[i] - 1) / (d * d));
        }
        return new Pair<>(value, jacobian);
    }
}

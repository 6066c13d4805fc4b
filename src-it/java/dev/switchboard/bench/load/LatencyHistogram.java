package dev.switchboard.bench.load;

/**
 * A log-linear histogram of nanosecond durations: exact below 64 ns, then 32 buckets per power of two
 * (about 3% resolution). Recording is an array increment, so the load generator can afford it per message.
 * Not thread-safe: each connection records into its own, and they are merged afterwards.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 5;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int LINEAR_LIMIT = 2 * SUB_COUNT;
    private static final int BUCKETS = LINEAR_LIMIT + (63 - SUB_BITS) * SUB_COUNT;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        total++;
        max = Math.max(max, value);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    public long count() {
        return total;
    }

    public long maxNanos() {
        return max;
    }

    /**
     * The value at a percentile, as the middle of its bucket.
     *
     * @param percentile 0-100
     * @return nanoseconds, or 0 if nothing was recorded
     */
    long percentileNanos(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(total * percentile / 100.0));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, lowerBound(i) + (width(i) - 1) / 2);
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < LINEAR_LIMIT) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
        // value >>> shift lies in [SUB_COUNT, 2 * SUB_COUNT): the top bits below the leading one.
        return LINEAR_LIMIT + (shift - 1) * SUB_COUNT + (int) (value >>> shift) - SUB_COUNT;
    }

    private static long lowerBound(int index) {
        if (index < LINEAR_LIMIT) {
            return index;
        }
        int shift = (index - LINEAR_LIMIT) / SUB_COUNT + 1;
        long sub = (index - LINEAR_LIMIT) % SUB_COUNT + SUB_COUNT;
        return sub << shift;
    }

    private static long width(int index) {
        return index < LINEAR_LIMIT ? 1 : 1L << ((index - LINEAR_LIMIT) / SUB_COUNT + 1);
    }
}

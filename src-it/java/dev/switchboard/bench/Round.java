package dev.switchboard.bench;

import java.util.List;

/** What every benchmark round reports, whatever else it measured. */
interface Round {

    /** The target's name. */
    String target();

    /** The load generator's CPU use during the measurement window. */
    CpuMeter.Usage generator();

    /** The server process's CPU use during the measurement window. */
    CpuMeter.Usage server();

    /** What makes this round invalid, empty if nothing. */
    List<String> problems();

    default boolean valid() {
        return problems().isEmpty();
    }
}

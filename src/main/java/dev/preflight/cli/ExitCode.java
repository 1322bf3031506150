package dev.preflight.cli;

/** Process exit codes: scripts and CI rely on them. */
public enum ExitCode {
    /** No finding at or above the --fail-on threshold. */
    CLEAN(0),
    /** At least one finding at or above the threshold. */
    FINDINGS(1),
    /** Usage error or bad input (snapshot, rules, options). */
    INPUT(2),
    /** A bug in Preflight. */
    INTERNAL(3);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}

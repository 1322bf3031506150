package dev.preflight.engine;

import java.time.Duration;

/**
 * A run fired rules for longer than its time limit and was stopped: names the rule that was firing (its id and DRL
 * file when it has them). A rule that keeps inserting facts it matches itself, or whose consequence never returns,
 * ends here instead of hanging the run. Maps to exit code 3.
 */
public class RuleTimeout extends RuntimeException {
    private final String rule;
    private final boolean stillRunning;

    public RuleTimeout(String rule, String id, String file, long firings, Duration limit, boolean stillRunning) {
        super("rule '" + rule + "'" + (id == null ? "" : " (" + id + ")") + (file == null ? "" : " in " + file)
                + " was still " + (stillRunning ? "running its consequence" : "firing") + " when the time limit of "
                + seconds(limit) + " per run was reached (" + firings + " rule firings in this run), and was stopped. "
                + "A rule that inserts facts which match it again, or whose consequence never returns, loops forever; "
                + "raise the limit with --rule-timeout only if the rule base is simply this slow.");
        this.rule = rule;
        this.stillRunning = stillRunning;
    }

    /** The consequence had not returned: the session is abandoned (its thread may still run), never disposed. */
    public boolean stillRunning() {
        return stillRunning;
    }

    public String rule() {
        return rule;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}

package dev.preflight.engine;

/** A rule's consequence threw: names the rule, so a broken rule is found without a stack trace. */
public class RuleFailure extends RuntimeException {
    private final String rule;

    public RuleFailure(String rule, Throwable cause) {
        super("rule '" + rule + "' failed: " + cause, cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

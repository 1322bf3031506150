package dev.preflight.engine;

import java.util.List;

/** The rules do not compile, or break the catalog's contract; each problem reads {@code file:line: message}. */
public class RuleBaseException extends Exception {
    private final List<String> problems;

    public RuleBaseException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

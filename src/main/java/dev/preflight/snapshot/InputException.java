package dev.preflight.snapshot;

import java.util.List;

/** Bad input: one or more problems, each with file:line:col. Maps to exit code 2. */
public class InputException extends Exception {
    private final List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.isEmpty() ? "bad input" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}

package dev.preflight.engine;

/** One DRL file: the name shown in messages and its text. */
public record RuleSource(String name, String text) {
}

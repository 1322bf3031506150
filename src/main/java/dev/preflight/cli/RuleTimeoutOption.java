package dev.preflight.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --rule-timeout}: how long one run may fire rules, as {@code 30s}, {@code 500ms}, {@code 2m} or seconds; 0 is no limit. */
final class RuleTimeoutOption implements CommandLine.ITypeConverter<Duration> {
    static final String DEFAULT = "60s";
    static final String DESCRIPTION = "Stop a run whose rules fire longer than this (e.g. a rule that loops forever), "
            + "exit 3 naming the rule: 30s, 500ms, 2m; 0 for no limit. Default: " + DEFAULT + ".";
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time limit: write 30s, 500ms, 2m or 0");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}

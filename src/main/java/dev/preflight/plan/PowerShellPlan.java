package dev.preflight.plan;

import dev.preflight.model.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a deployment script written with the Centralized Deployment cmdlets (seed 002) into a {@link Plan}.
 *
 * <p>Hand-written on purpose: no maintained Java library parses PowerShell (the only full parser is PowerShell's own,
 * in .NET), and a plan needs just the subset people write in deploy scripts, read exactly. The tokenizer knows
 * backtick line continuation and escapes, {@code #} and {@code <# #>} comments, single- and double-quoted strings,
 * unquoted arguments, parameters ({@code -Name}, {@code -Name:value}), variables, splats ({@code @params}),
 * {@code @( )} arrays and {@code @{ }} hashtables. The parser keeps literal variables (strings, numbers,
 * {@code $true}/{@code $false}, arrays and hashtables of them), reads each invocation of the four cmdlets into a
 * {@link PlanStep} located at the cmdlet's line and column, and reports everything else (loops and other blocks,
 * pipelines, other cmdlets, values that are not literals) as a {@link PlanGap}: never skipped in silence.
 */
public final class PowerShellPlan {

    /** The cmdlets a plan is made of, and the parameters each takes (canonical spelling). */
    static final List<String> CMDLETS = List.of("New-OrganizationAddIn", "Set-OrganizationAddIn",
            "Set-OrganizationAddInAssignments", "Remove-OrganizationAddIn");
    static final List<String> PARAMETERS = List.of("ProductId", "AssetId", "ManifestPath", "Locale", "ContentMarket",
            "Members", "Add", "Remove", "AssignToEveryone", "Enabled");
    private static final Set<String> SWITCHES = Set.of("Add", "Remove");
    /** Common parameters that change nothing about what the cmdlet does. */
    private static final Set<String> NEUTRAL = Set.of("confirm", "verbose", "debug", "erroraction", "warningaction");
    private static final Set<String> KEYWORDS = Set.of("foreach", "for", "while", "do", "until", "if", "elseif", "else",
            "switch", "function", "filter", "workflow", "try", "catch", "finally", "trap", "param", "begin", "process",
            "end", "return", "break", "continue", "exit", "throw", "class", "enum", "using", "data");

    enum T { WORD, PARAM, VAR, SPLAT, STR, DSTR, OP, NL, OTHER }

    /** A token: {@code text} is the value (unquoted, unescaped); {@code colon} marks {@code -Name:}. */
    record Tok(T type, String text, int line, int col, boolean colon, boolean expandable) {
        boolean op(String s) {
            return type == T.OP && text.equals(s);
        }
    }

    private final String file;
    private final List<String> lines;

    private PowerShellPlan(String file, String source) {
        this.file = file;
        this.lines = List.of(source.split("\r?\n", -1));
    }

    /** Reads {@code source}, naming locations after {@code file}. */
    public static Plan read(String file, String source) {
        return new PowerShellPlan(file, source).parse(tokens(source));
    }

    // ---------------------------------------------------------------- tokenizer

    static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0, line = 1, col = 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\r') { i++; continue; }
            if (c == '\n') { out.add(new Tok(T.NL, "\n", line, col, false, false)); i++; line++; col = 1; continue; }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u00a0') { i++; col++; continue; }
            if (c == '`' && i + 1 < n && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                // Line continuation: the statement goes on on the next line.
                i++;
                if (s.charAt(i) == '\r') i++;
                if (i < n && s.charAt(i) == '\n') i++;
                line++; col = 1;
                continue;
            }
            int startLine = line, startCol = col;
            if (c == '<' && i + 1 < n && s.charAt(i + 1) == '#') {
                int end = s.indexOf("#>", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (s.charAt(k) == '\n') { line++; col = 1; } else col++;
                }
                i = stop;
                continue;
            }
            if (c == '#') {
                while (i < n && s.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '\'') {
                StringBuilder b = new StringBuilder();
                i++; col++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') { b.append('\''); i += 2; col += 2; continue; }
                    if (d == '\'') { i++; col++; break; }
                    if (d == '\n') { line++; col = 1; } else col++;
                    b.append(d);
                    i++;
                }
                out.add(new Tok(T.STR, b.toString(), startLine, startCol, false, false));
                continue;
            }
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                boolean expandable = false;
                i++; col++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '`' && i + 1 < n) {
                        char e = s.charAt(i + 1);
                        b.append(switch (e) { case 'n' -> '\n'; case 't' -> '\t'; case '0' -> '\0'; default -> e; });
                        i += 2; col += 2;
                        continue;
                    }
                    if (d == '"' && i + 1 < n && s.charAt(i + 1) == '"') { b.append('"'); i += 2; col += 2; continue; }
                    if (d == '"') { i++; col++; break; }
                    if (d == '$' && i + 1 < n && (Character.isLetterOrDigit(s.charAt(i + 1)) || "{(_:".indexOf(s.charAt(i + 1)) >= 0)) {
                        expandable = true;
                    }
                    if (d == '\n') { line++; col = 1; } else col++;
                    b.append(d);
                    i++;
                }
                out.add(new Tok(T.DSTR, b.toString(), startLine, startCol, false, expandable));
                continue;
            }
            if (c == '@' && i + 1 < n && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '(')) {
                out.add(new Tok(T.OP, s.substring(i, i + 2), line, col, false, false));
                i += 2; col += 2;
                continue;
            }
            if (c == '@' && i + 1 < n && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
                // A here-string: kept as one token the parser does not understand.
                int end = s.indexOf("\n" + s.charAt(i + 1) + "@", i);
                int stop = end < 0 ? n : end + 3;
                for (int k = i; k < stop; k++) {
                    if (s.charAt(k) == '\n') { line++; col = 1; } else col++;
                }
                out.add(new Tok(T.OTHER, "here-string", startLine, startCol, false, false));
                i = stop;
                continue;
            }
            if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                out.add(new Tok(T.OP, "$(", line, col, false, false));
                i += 2; col += 2;
                continue;
            }
            if ((c == '$' || c == '@') && i + 1 < n && (Character.isLetterOrDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || (c == '$' && s.charAt(j) == ':' && j + 1 < n && Character.isLetter(s.charAt(j + 1))))) j++;
                out.add(new Tok(c == '$' ? T.VAR : T.SPLAT, s.substring(i + 1, j), line, col, false, false));
                col += j - i; i = j;
                continue;
            }
            if (c == '$' && i + 1 < n && (s.charAt(i + 1) == '_' || s.charAt(i + 1) == '?')) {
                out.add(new Tok(T.VAR, s.substring(i + 1, i + 2), line, col, false, false));
                i += 2; col += 2;
                continue;
            }
            if ("=,;|(){}[]".indexOf(c) >= 0) {
                out.add(new Tok(T.OP, String.valueOf(c), line, col, false, false));
                i++; col++;
                continue;
            }
            if (c == '-' && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                boolean colon = j < n && s.charAt(j) == ':';
                out.add(new Tok(T.PARAM, s.substring(i + 1, j), line, col, colon, false));
                int stop = colon ? j + 1 : j;
                col += stop - i; i = stop;
                continue;
            }
            // An unquoted word: up to white space or a character that ends an argument; a backtick escapes.
            StringBuilder b = new StringBuilder();
            while (i < n) {
                char d = s.charAt(i);
                if (Character.isWhitespace(d) || "=,;|(){}'\"".indexOf(d) >= 0) break;
                if (d == '`' && i + 1 < n && s.charAt(i + 1) != '\n' && s.charAt(i + 1) != '\r') {
                    b.append(s.charAt(i + 1));
                    i += 2; col += 2;
                    continue;
                }
                if (d == '`') break;
                b.append(d);
                i++; col++;
            }
            if (b.length() == 0) { i++; col++; continue; }
            out.add(new Tok(T.WORD, b.toString(), startLine, startCol, false, false));
        }
        return out;
    }

    // ---------------------------------------------------------------- parser

    /** Marks a variable whose value is not a literal. */
    private static final Object UNKNOWN = new Object();

    /** A literal value and where it (each element of it) is written. */
    private record Value(Object value, List<Location> locations) {
    }

    /** Thrown when an expression is not a literal. */
    private static final class NotLiteral extends Exception {
        NotLiteral(String why) {
            super(why, null, false, false);
        }
    }

    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<PlanGap> gaps = new ArrayList<>();

    private Plan parse(List<Tok> toks) {
        List<Tok> current = new ArrayList<>();
        int depth = 0;
        for (Tok t : toks) {
            if (t.type == T.OP && (t.text.equals("(") || t.text.equals("{") || t.text.equals("@{") || t.text.equals("@(")
                    || t.text.equals("$("))) depth++;
            if (t.type == T.OP && (t.text.equals(")") || t.text.equals("}"))) depth = Math.max(0, depth - 1);
            boolean end = depth == 0 && (t.type == T.NL || t.op(";"));
            if (end && t.type == T.NL && !current.isEmpty()) {
                Tok last = current.get(current.size() - 1);
                if (last.op("|") || last.op(",") || last.op("=")) continue; // the statement goes on
                if (isKeyword(current.get(0)) && !current.stream().anyMatch(x -> x.op("{"))) continue; // foreach (...) NL {
            }
            if (end) {
                statement(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        statement(current);
        return new Plan(file, List.copyOf(steps), List.copyOf(gaps), null);
    }

    private void statement(List<Tok> st) {
        while (!st.isEmpty() && st.get(st.size() - 1).type == T.NL) st = st.subList(0, st.size() - 1);
        if (st.isEmpty()) return;
        Tok first = st.get(0);
        if (isKeyword(first)) {
            String kw = first.text.toLowerCase(Locale.ROOT);
            gap(st, "a '" + kw + "' block" + span(st) + " is not understood" + inside(st) + ", not checked");
            return;
        }
        if (depth0(st, "|")) {
            gap(st, "a pipeline is not understood" + inside(st) + ", not checked");
            return;
        }
        if (first.type == T.VAR && st.size() >= 2 && st.get(1).op("=")) {
            String name = first.text.toLowerCase(Locale.ROOT);
            try {
                Value v = expression(st, 2, st.size());
                vars.put(name, v);
            } catch (NotLiteral e) {
                vars.put(name, UNKNOWN);
                gap(st, "the value of $" + first.text + " is not a literal (" + e.getMessage() + "), not checked");
            }
            return;
        }
        if (first.type == T.WORD) {
            String cmdlet = CMDLETS.stream().filter(c -> c.equalsIgnoreCase(first.text)).findFirst().orElse(null);
            if (cmdlet == null) {
                gap(st, "'" + first.text + "' is not one of the Centralized Deployment cmdlets a plan is made of, not checked");
                return;
            }
            invocation(cmdlet, st);
            return;
        }
        gap(st, "not understood, not checked");
    }

    private void invocation(String cmdlet, List<Tok> st) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, List<Location>> locations = new LinkedHashMap<>();
        try {
            int i = 1;
            while (i < st.size()) {
                Tok t = st.get(i);
                if (t.type == T.NL) { i++; continue; }
                if (t.type == T.SPLAT) {
                    Object v = vars.get(t.text.toLowerCase(Locale.ROOT));
                    if (v == null) throw new NotLiteral("@" + t.text + " splats a variable the script does not set");
                    if (v == UNKNOWN || !(((Value) v).value instanceof Map<?, ?> table)) {
                        throw new NotLiteral("@" + t.text + " is not a hashtable of literals");
                    }
                    for (Map.Entry<?, ?> e : table.entrySet()) {
                        String name = parameter(cmdlet, (String) e.getKey());
                        if (name == null) continue;
                        Value pv = (Value) e.getValue();
                        params.put(name, pv.value);
                        locations.put(name, pv.locations);
                    }
                    i++;
                    continue;
                }
                if (t.type != T.PARAM) throw new NotLiteral("positional argument '" + t.text + "'");
                String name = parameter(cmdlet, t.text);
                i++;
                boolean takesValue = t.colon || (!SWITCHES.contains(name == null ? "" : name)
                        && i < st.size() && st.get(i).type != T.PARAM && st.get(i).type != T.NL);
                Value v;
                if (takesValue) {
                    int end = argumentEnd(st, i);
                    v = expression(st, i, end);
                    i = end;
                } else {
                    v = new Value(Boolean.TRUE, List.of(loc(t)));
                }
                if (name != null) {
                    params.put(name, v.value);
                    locations.put(name, v.locations);
                }
            }
        } catch (NotLiteral e) {
            gap(st, cmdlet + ": " + e.getMessage() + ", so the operation is not checked");
            return;
        }
        steps.add(new PlanStep(cmdlet, null, null, null, params, locations, loc(st.get(0))));
    }

    /** The canonical parameter name, null for a neutral common parameter; unknown ones are not understood. */
    private static String parameter(String cmdlet, String written) throws NotLiteral {
        String w = written.toLowerCase(Locale.ROOT);
        if (NEUTRAL.contains(w)) return null;
        if (w.equals("whatif")) throw new NotLiteral("-WhatIf changes nothing");
        List<String> matches = PARAMETERS.stream().filter(p -> p.toLowerCase(Locale.ROOT).startsWith(w)).toList();
        String exact = PARAMETERS.stream().filter(p -> p.equalsIgnoreCase(w)).findFirst().orElse(null);
        if (exact != null) return exact;
        if (matches.size() == 1) return matches.get(0);
        throw new NotLiteral(matches.isEmpty() ? "parameter -" + written + " is not one " + cmdlet + " is checked with"
                : "parameter -" + written + " is ambiguous");
    }

    /** Where the value of a parameter ends: at the next parameter at depth 0, or the end of the statement. */
    private static int argumentEnd(List<Tok> st, int from) {
        int depth = 0;
        for (int i = from; i < st.size(); i++) {
            Tok t = st.get(i);
            if (opens(t)) depth++;
            if (closes(t)) depth--;
            if (depth == 0 && i > from && (t.type == T.PARAM || t.type == T.SPLAT)) {
                if (!st.get(i - 1).op(",")) return i;
            }
        }
        return st.size();
    }

    /** A literal expression: one value, or values separated by commas (an array). */
    private Value expression(List<Tok> st, int from, int to) throws NotLiteral {
        List<Tok> toks = new ArrayList<>();
        int depth = 0;
        for (Tok t : st.subList(from, to)) {
            if (opens(t)) depth++;
            if (closes(t)) depth--;
            if (t.type != T.NL || depth > 0) toks.add(t);
        }
        if (toks.isEmpty()) throw new NotLiteral("no value");
        List<List<Tok>> items = split(toks, ",");
        if (items.size() == 1) return value(items.get(0));
        return array(items);
    }

    private Value array(List<List<Tok>> items) throws NotLiteral {
        List<String> values = new ArrayList<>();
        List<Location> locs = new ArrayList<>();
        for (List<Tok> item : items) {
            if (item.isEmpty()) continue;
            Value v = value(item);
            if (v.value instanceof List<?> l) {
                for (Object o : l) values.add((String) o);
                locs.addAll(v.locations);
            } else if (v.value instanceof String s) {
                values.add(s);
                locs.addAll(v.locations);
            } else {
                throw new NotLiteral("an array of other values than strings");
            }
        }
        return new Value(List.copyOf(values), List.copyOf(locs));
    }

    private Value value(List<Tok> toks) throws NotLiteral {
        if (toks.isEmpty()) throw new NotLiteral("no value");
        Tok t = toks.get(0);
        if (toks.size() == 1) {
            switch (t.type) {
                case STR -> { return new Value(t.text, List.of(loc(t))); }
                case DSTR -> {
                    if (t.expandable) throw new NotLiteral("\"" + t.text + "\" expands variables");
                    return new Value(t.text, List.of(loc(t)));
                }
                case WORD -> { return new Value(t.text, List.of(loc(t))); }
                case VAR -> {
                    String name = t.text.toLowerCase(Locale.ROOT);
                    if (name.equals("true")) return new Value(Boolean.TRUE, List.of(loc(t)));
                    if (name.equals("false")) return new Value(Boolean.FALSE, List.of(loc(t)));
                    Object v = vars.get(name);
                    if (v == null) throw new NotLiteral("$" + t.text + " is not set by the script");
                    if (v == UNKNOWN) throw new NotLiteral("$" + t.text + " is not a literal");
                    return (Value) v;
                }
                default -> throw new NotLiteral("'" + t.text + "' is not a literal");
            }
        }
        Tok last = toks.get(toks.size() - 1);
        if (t.op("@(") && last.op(")")) {
            List<Tok> inner = toks.subList(1, toks.size() - 1);
            if (inner.isEmpty()) return new Value(List.of(), List.of());
            return array(split(inner, ","));
        }
        if (t.op("@{") && last.op("}")) return table(st(toks, 1, toks.size() - 1));
        throw new NotLiteral("'" + t.text + " ...' is an expression, not a literal");
    }

    private Value table(List<Tok> inner) throws NotLiteral {
        Map<String, Value> out = new LinkedHashMap<>();
        for (List<Tok> entry : split(inner, ";")) {
            if (entry.isEmpty()) continue;
            if (entry.size() < 3 || !entry.get(1).op("=") || (entry.get(0).type != T.WORD && entry.get(0).type != T.STR)) {
                throw new NotLiteral("a hashtable entry that is not key = literal");
            }
            out.put(entry.get(0).text, expression(entry, 2, entry.size()));
        }
        return new Value(out, List.of());
    }

    private static List<Tok> st(List<Tok> toks, int from, int to) {
        return toks.subList(from, to);
    }

    /** Splits at {@code sep} (and, for ";", at new lines) at depth 0; new lines are otherwise dropped. */
    private static List<List<Tok>> split(List<Tok> toks, String sep) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        int depth = 0;
        Tok prev = null;
        for (Tok t : toks) {
            if (opens(t)) depth++;
            if (closes(t)) depth--;
            boolean nlSep = t.type == T.NL && depth == 0
                    && (sep.equals(";") || (prev != null && !prev.op(",") && !cur.isEmpty()));
            if (depth == 0 && (t.op(sep) || nlSep)) {
                out.add(cur);
                cur = new ArrayList<>();
            } else if (t.type != T.NL || depth > 0) {
                cur.add(t);
            }
            prev = t;
        }
        out.add(cur);
        return out;
    }

    private static boolean opens(Tok t) {
        return t.type == T.OP && (t.text.equals("(") || t.text.equals("@(") || t.text.equals("@{") || t.text.equals("{") || t.text.equals("$("));
    }

    private static boolean closes(Tok t) {
        return t.type == T.OP && (t.text.equals(")") || t.text.equals("}"));
    }

    private static boolean isKeyword(Tok t) {
        return t.type == T.WORD && KEYWORDS.contains(t.text.toLowerCase(Locale.ROOT));
    }

    private static boolean depth0(List<Tok> st, String op) {
        int depth = 0;
        for (Tok t : st) {
            if (opens(t)) depth++;
            if (closes(t)) depth--;
            if (depth == 0 && t.op(op)) return true;
        }
        return false;
    }

    private static String span(List<Tok> st) {
        int a = st.get(0).line, b = st.get(st.size() - 1).line;
        return a == b ? "" : " (lines " + a + "-" + b + ")";
    }

    /** "(it runs X, Y)" when a construct contains Centralized Deployment cmdlets. */
    private static String inside(List<Tok> st) {
        List<String> found = new ArrayList<>();
        for (Tok t : st) {
            if (t.type != T.WORD) continue;
            for (String c : CMDLETS) if (c.equalsIgnoreCase(t.text) && !found.contains(c)) found.add(c);
        }
        return found.isEmpty() ? "" : " (it runs " + String.join(", ", found) + ")";
    }

    private void gap(List<Tok> st, String reason) {
        Tok first = st.get(0);
        String text = first.line <= lines.size() ? lines.get(first.line - 1).strip() : first.text;
        if (text.length() > 80) text = text.substring(0, 77) + "...";
        gaps.add(new PlanGap(loc(first), text, reason));
    }

    private Location loc(Tok t) {
        return new Location(file, t.line, t.col);
    }
}

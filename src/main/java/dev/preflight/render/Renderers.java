package dev.preflight.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of report formats; the CLI's {@code --format} choices come from here. */
public final class Renderers {
    private static final Map<String, Renderer> ALL = new LinkedHashMap<>();

    static {
        for (Renderer r : List.of(new TextRenderer(), new JsonRenderer(), new SarifRenderer(),
                new JunitRenderer(), new Markdown(), new GithubRenderer(), new CsvRenderer(), new HtmlRenderer(),
                new ReadinessCsvRenderer())) ALL.put(r.name(), r);
    }

    private Renderers() {
    }

    public static Renderer get(String name) {
        return ALL.get(name);
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}

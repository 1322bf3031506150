package dev.preflight.render;

import dev.preflight.engine.RuleMeta;

import java.util.Map;

/**
 * Public documentation of each source document, so reports can link a rule to the text it comes from. A rule
 * may carry its own {@code @helpUri}; otherwise the link of its source document is used (by the seed number the
 * {@code @source} starts with).
 */
public final class HelpLinks {
    private static final Map<String, String> SOURCES = Map.of(
            "000", "https://learn.microsoft.com/microsoft-365/admin/manage/test-and-deploy-microsoft-365-apps",
            "002", "https://learn.microsoft.com/microsoft-365/enterprise/use-the-centralized-deployment-powershell-cmdlets-to-manage-add-ins",
            "003", "https://learn.microsoft.com/microsoft-365/admin/manage/centralized-deployment-of-add-ins",
            "004", "https://learn.microsoft.com/dynamics365/outlook-app/deploy-dynamics-365-app-for-outlook");

    private HelpLinks() {
    }

    /** The help link of a rule, or null when none is known. */
    public static String of(RuleMeta m) {
        if (m == null) return null;
        if (m.helpUri() != null) return m.helpUri();
        String src = m.source() == null ? "" : m.source().strip();
        return src.length() >= 3 ? SOURCES.get(src.substring(0, 3)) : null;
    }
}

package dev.preflight.apps;

import dev.preflight.model.CmdletParameters;
import dev.preflight.model.Deployment;
import dev.preflight.model.Member;
import dev.preflight.model.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks of add-in identifiers and Centralized Deployment cmdlets (seed 002), kept in one place: the formats of
 * AssetId, ProductId and Locale/ContentMarket, and the parameters each cmdlet needs.
 */
public final class AppChecks {
    /** "AssetIds always begin with WA followed by a number"; real store ids are often written in lower case. */
    static final Pattern ASSET_ID = Pattern.compile("(?i)^WA\\d+$");
    static final Pattern GUID = Pattern.compile("^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?$");
    /**
     * ll-CC, in any case: language tags are case-insensitive (RFC 5646 2.1.1, "The tags and their subtags ... are to be
     * treated as case insensitive"), as AssetIds are; en-US is the conventional spelling, en-us the same tag.
     */
    static final Pattern LOCALE = Pattern.compile("^[a-zA-Z]{2}-[a-zA-Z]{2}$");

    private AppChecks() {
    }

    public static boolean validAssetId(String s) {
        return s != null && ASSET_ID.matcher(s).matches();
    }

    public static boolean validGuid(String s) {
        return s != null && GUID.matcher(s).matches();
    }

    public static boolean validLocale(String s) {
        return s != null && LOCALE.matcher(s).matches();
    }

    /** What is wrong with a Locale / ContentMarket pair (CDP-002); empty when fine or both absent. */
    public static List<String> localeProblems(String locale, String market) {
        List<String> out = new ArrayList<>();
        if (locale != null && !validLocale(locale)) out.add("Locale '" + locale + "' is not of the ll-CC form (en-US, fr-FR)");
        if (market != null && !validLocale(market)) out.add("ContentMarket '" + market + "' is not of the ll-CC form (en-US, fr-FR)");
        if (locale != null && market != null && !locale.equalsIgnoreCase(market)) {
            out.add("Locale '" + locale + "' and ContentMarket '" + market + "' differ; they must be identical");
        }
        return out;
    }

    /**
     * The parameters a planned cmdlet lacks, or gives in a combination the cmdlet refuses (CDP-006). From seed 002:
     * upload from a manifest needs ManifestPath and Locale; from the Store AssetId, Locale and ContentMarket; an update
     * ProductId, ManifestPath and Locale; turning on/off ProductId and Enabled; an assignment change ProductId, Members
     * and exactly one of -Add / -Remove (or AssignToEveryone); removal ProductId.
     */
    public static List<String> cmdletProblems(Operation op) {
        List<String> out = new ArrayList<>();
        if (op.cmdlet() == null) return out;
        CmdletParameters p = op.parameters();
        switch (op.cmdlet()) {
            case "New-OrganizationAddIn" -> {
                if (p.has("AssetId")) need(p, out, "AssetId", "Locale", "ContentMarket");
                else need(p, out, "ManifestPath", "Locale");
            }
            case "Set-OrganizationAddIn" -> {
                if (p.has("Enabled")) need(p, out, "ProductId", "Enabled");
                else need(p, out, "ProductId", "ManifestPath", "Locale");
            }
            case "Set-OrganizationAddInAssignments" -> {
                need(p, out, "ProductId");
                boolean add = Boolean.TRUE.equals(p.add());
                boolean remove = Boolean.TRUE.equals(p.remove());
                if (add && remove) out.add("both -Add and -Remove are given; give exactly one");
                if (!p.has("AssignToEveryone")) {
                    if (!add && !remove) out.add("neither -Add nor -Remove is given");
                    if (!p.has("Members")) out.add("missing -Members");
                } else if ((add || remove) && !p.has("Members")) {
                    out.add("missing -Members");
                }
            }
            case "Remove-OrganizationAddIn" -> need(p, out, "ProductId");
            default -> {
            }
        }
        return out;
    }

    /** CDP-006's fix for the operation's own cmdlet (and form), as the documentation writes the command. */
    public static String cmdletFix(Operation op) {
        CmdletParameters p = op.parameters();
        String form = switch (op.cmdlet()) {
            case "New-OrganizationAddIn" -> p.has("AssetId")
                    ? "New-OrganizationAddIn -AssetId <WA...> -Locale <ll-CC> -ContentMarket <ll-CC> (the same value as -Locale)"
                    : "New-OrganizationAddIn -ManifestPath <path to manifest.xml> -Locale <ll-CC>";
            case "Set-OrganizationAddIn" -> p.has("Enabled")
                    ? "Set-OrganizationAddIn -ProductId <ProductId> -Enabled $true (or $false)"
                    : "Set-OrganizationAddIn -ProductId <ProductId> -ManifestPath <path to manifest.xml> -Locale <ll-CC>";
            case "Set-OrganizationAddInAssignments" -> "Set-OrganizationAddInAssignments -ProductId <ProductId> -Add -Members '<member>' "
                    + "(or -Remove instead of -Add; exactly one of them)";
            case "Remove-OrganizationAddIn" -> "Remove-OrganizationAddIn -ProductId <ProductId>";
            default -> null;
        };
        return form == null ? null : "Complete the command as in the documentation: " + form + ".";
    }

    private static void need(CmdletParameters p, List<String> out, String... names) {
        for (String n : names) if (!p.has(n)) out.add("missing -" + n);
    }

    /** A deployment's assignment as comparable text: the kind and the sorted targets (ADM-005). */
    public static String assignment(Deployment d) {
        if (!"specific".equals(d.assignment()) && d.assignment() != null) return d.assignment();
        TreeSet<String> t = new TreeSet<>();
        if (d.targets() != null) for (Member m : d.targets()) t.add(m.kind() + ":" + m.ref().toLowerCase(Locale.ROOT));
        return "specific" + t;
    }

    public static boolean sameAssignment(Deployment a, Deployment b) {
        return assignment(a).equals(assignment(b));
    }
}

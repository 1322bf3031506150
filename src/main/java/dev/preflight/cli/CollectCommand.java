package dev.preflight.cli;

import dev.preflight.collect.AppBudget;
import dev.preflight.collect.Backoff;
import dev.preflight.collect.CallRecord;
import dev.preflight.collect.Collector;
import dev.preflight.collect.MsalTokens;
import dev.preflight.collect.Progress;
import dev.preflight.collect.Ticker;
import dev.preflight.collect.TokenProvider;
import dev.preflight.importer.Importer;
import dev.preflight.snapshot.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code preflight collect}: reads a live tenant into an exports folder (then {@code preflight import}). */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect a tenant's Microsoft Graph (and Dataverse) data into an exports folder: every response "
                + "as an envelope file, every call recorded in preflight-collect.json. Rerun to resume a stopped "
                + "collection. Needs read-only permissions, listed in docs/collect.md.",
                "Signs in with device code, or, with --certificate, as an application (client credentials); the "
                        + "certificate's password, if any, is read from PREFLIGHT_CERTIFICATE_PASSWORD."})
public final class CollectCommand implements Callable<Integer> {

    static final Pattern TENANT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9-]+)+");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tenant", required = true, paramLabel = "TENANT",
            description = "Tenant id or domain (contoso.onmicrosoft.com); repeat for several (each gets OUT/<tenant>/).")
    List<String> tenants = new ArrayList<>();

    @Option(names = "--client-id", paramLabel = "ID",
            description = "Application (client) id. Default for device code: Microsoft Graph Command Line Tools.")
    String clientId;

    @Option(names = "--certificate", paramLabel = "FILE",
            description = "Sign in as the application with this certificate (PFX/PKCS#12, or PEM with an unencrypted "
                    + "PKCS#8 key). Needs --client-id.")
    Path certificate;

    @Option(names = "--dataverse", paramLabel = "URL", description = "Also collect this Dataverse environment (https://org.crm.dynamics.com).")
    String dataverse;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The exports folder to write (and resume).")
    Path out;

    @Option(names = "--refresh", description = "Bring an earlier collection up to date: delta queries (/users/delta, "
            + "/groups/delta) say which users and groups changed, and only their calls are made again; without delta "
            + "links from an earlier refresh, or on 410 Gone, everything is collected again.")
    boolean refresh;

    @Option(names = "--check", description = "Then import the exports (preflight import) and check the snapshot "
            + "(preflight check); the exit code is the check's.")
    boolean check;

    @Option(names = "--snapshot", paramLabel = "DIR", description = "With --check: write the imported snapshot here "
            + "(replaced if it exists). Default: a temporary folder, removed afterwards. Several tenants: DIR/<tenant>/.")
    Path snapshot;

    @Option(names = "--format", paramLabel = "FMT[=FILE]", description = "With --check: report format, as for 'check'; "
            + "repeatable. With several tenants, FILE gets the tenant before its extension (report.<tenant>.json).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "With --check: as for 'check'.")
    String failOn;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @Option(names = "--graph-url", paramLabel = "URL", defaultValue = "${env:PREFLIGHT_GRAPH_URL}",
            description = "Microsoft Graph base URL, for sovereign clouds (https://graph.microsoft.us/v1.0). "
                    + "Default: https://graph.microsoft.com/v1.0 (or PREFLIGHT_GRAPH_URL).")
    String graphUrl;

    @Option(names = "--authority-host", paramLabel = "URL", defaultValue = "${env:PREFLIGHT_AUTHORITY_HOST}",
            description = "Sign-in authority host, for sovereign clouds (https://login.microsoftonline.us/). "
                    + "Default: https://login.microsoftonline.com/ (or PREFLIGHT_AUTHORITY_HOST).")
    String authorityHost;

    @Option(names = "--max-requests", hidden = true, paramLabel = "N", description = "Stop after N requests.")
    long maxRequests;

    private TokenProvider tokens;
    private Ticker ticker = Ticker.SYSTEM;
    private Clock clock = Clock.systemUTC();

    /** Tests: sign in through this instead of msal4j. */
    public CollectCommand withTokens(TokenProvider t) {
        this.tokens = t;
        return this;
    }

    /** Tests: wait on this clock (a virtual one does not sleep) and date the files with that one. */
    public CollectCommand withTime(Ticker ticker, Clock clock) {
        this.ticker = ticker;
        this.clock = clock;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        for (String t : tenants)
            if (!TENANT.matcher(t).matches()) return usage(err, "--tenant " + t + ": not a tenant id or domain");
        if (new LinkedHashSet<>(tenants).size() != tenants.size()) return usage(err, "--tenant: a tenant is given twice");
        if (certificate != null && clientId == null) return usage(err, "--certificate needs --client-id (the application it belongs to)");
        if (dataverse != null && !dataverse.matches("https?://[^/\\s]+/?")) return usage(err, "--dataverse " + dataverse + ": expected https://<org>.crm.dynamics.com");
        if (Files.exists(out) && !Files.isDirectory(out)) return usage(err, out + ": exists and is not a folder");
        TokenProvider tp = tokens;
        if (tp == null) {
            try {
                tp = new MsalTokens(clientId,
                        certificate == null ? null : MsalTokens.certificate(certificate, password()),
                        authorityHost == null || authorityHost.isBlank() ? MsalTokens.AUTHORITY : authorityHost, null, err);
            } catch (TokenProvider.AuthException e) {
                return usage(err, e.getMessage());
            }
        }
        if (!check && (snapshot != null || !formats.isEmpty() || failOn != null))
            return usage(err, "--snapshot, --format and --fail-on go with --check");
        AppBudget budget = AppBudget.graphDefault(ticker, maxRequests);
        Progress progress = System.console() != null ? Progress.terminal(err) : Progress.QUIET;
        Collector collector = new Collector(Collector.defaultHttp(), tp, budget, Backoff.standard(), ticker,
                clock, Collector.Services.of(blank(graphUrl), dataverse), progress);
        int nothing = 0;
        List<Path> folders = new ArrayList<>();
        for (String tenant : tenants) {
            Path folder = tenants.size() == 1 ? out : out.resolve(tenant.toLowerCase(Locale.ROOT));
            Collector.Result r;
            try {
                r = collector.collect(tenant, folder, refresh);
            } catch (TokenProvider.AuthException e) {
                err.println("preflight: " + tenant + ": " + e.getMessage() + "; collected nothing from it");
                nothing++;
                continue;
            } catch (AppBudget.Exhausted e) {
                err.println("preflight: " + e.getMessage() + "; rerun the same command to continue");
                return ExitCode.INPUT.code;
            }
            report(err, r);
            if (r.succeeded() == 0) nothing++;
            else folders.add(folder);
        }
        err.flush();
        if (nothing > 0) return ExitCode.INPUT.code;
        return check ? check(folders) : ExitCode.CLEAN.code;
    }

    /** Imports each tenant's exports and checks the snapshots; returns the worst exit code. */
    private int check(List<Path> folders) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path temp = snapshot == null ? Files.createTempDirectory("preflight-snapshot") : null;
        try {
            int worst = ExitCode.CLEAN.code;
            for (Path folder : folders) {
                Path snap = tenants.size() > 1 ? (snapshot == null ? temp : snapshot).resolve(folder.getFileName())
                        : snapshot == null ? temp.resolve("snapshot") : snapshot;
                try {
                    Importer.Result r = Importer.importExports(folder, snap, true);
                    for (String w : r.warnings()) err.println("warning: " + w);
                } catch (InputException e) {
                    CheckCommand.printProblems(err, e.problems());
                    err.println("preflight: " + folder + ": not imported, nothing checked");
                    err.flush();
                    worst = Math.max(worst, ExitCode.INPUT.code);
                    continue;
                }
                List<String> args = new ArrayList<>(List.of("check", snap.toString()));
                for (String f : formats) args.addAll(List.of("--format", tenants.size() > 1 ? perTenant(f, folder) : f));
                if (failOn != null) args.addAll(List.of("--fail-on", failOn));
                int code = Main.commandLine(spec.commandLine().getOut(), err).execute(args.toArray(String[]::new));
                worst = Math.max(worst, code);
            }
            return worst;
        } finally {
            if (temp != null) dev.preflight.io.FileTrees.deleteTree(temp);
        }
    }

    /** {@code json=report.json} becomes {@code json=report.<tenant>.json} when several tenants are checked. */
    static String perTenant(String format, Path folder) {
        int eq = format.indexOf('=');
        if (eq < 0) return format;
        String file = format.substring(eq + 1);
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        int dot = file.lastIndexOf('.');
        String t = folder.getFileName().toString();
        return format.substring(0, eq + 1) + (dot > slash ? file.substring(0, dot) + "." + t + file.substring(dot) : file + "." + t);
    }


    private static void report(PrintWriter err, Collector.Result r) {
        List<CallRecord> failed = r.calls().stream().filter(CallRecord::failed).toList();
        if (r.succeeded() == 0) {
            err.println("preflight: " + r.tenant() + ": collected nothing: all " + r.calls().size() + " calls failed");
        } else if (!failed.isEmpty()) {
            err.println("preflight: " + r.tenant() + ": " + failed.size() + " of " + r.calls().size()
                    + " calls failed; the facts they give are absent (DATA-004 for the rules that need them):");
        } else {
            err.println("preflight: " + r.tenant() + ": " + r.calls().size() + " calls, all answered; exports in " + r.folder());
        }
        int shown = 0;
        for (CallRecord c : failed) {
            if (shown++ == 20) {
                err.println("  ... and " + (failed.size() - 20) + " more, listed in " + r.folder().resolve(Collector.MANIFEST));
                break;
            }
            err.println("  " + c.request() + " -> " + (c.status() == 0 ? "no answer" : c.status() + (c.error() == null ? "" : " " + c.error())));
        }
    }

    private static char[] password() {
        String p = System.getenv("PREFLIGHT_CERTIFICATE_PASSWORD");
        return p == null ? null : p.toCharArray();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private int usage(PrintWriter err, String message) {
        err.println("preflight collect: " + message);
        err.flush();
        return ExitCode.INPUT.code;
    }
}

package dev.preflight.engine;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fires a session's rules with a time limit. The rules fire on a thread of their own while the caller waits up to the
 * limit; then the session is halted (which stops a rule that keeps re-firing) and, if a consequence still does not
 * return, the run is abandoned. Either way the run ends with a {@link RuleTimeout} naming the rule that was firing.
 */
final class RuleWatchdog {
    /** Generous: the bundled rules fire in under a second at 100k users. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** After halt(), how long a consequence may take to return before the run is abandoned. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private RuleWatchdog() {
    }

    /** What the firing thread is doing; read by the waiting thread when the limit is reached. */
    static final class Progress extends DefaultAgendaEventListener {
        volatile Rule current;
        volatile long firings;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch().getRule();
            firings++; // written by the firing thread only
        }
    }

    static void fire(KieSession session, Duration timeout, RuleBase rules) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            fireHere(session);
            return;
        }
        Progress progress = new Progress();
        session.addEventListener(progress);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                session.fireAllRules();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "preflight-fire");
        t.setDaemon(true);
        t.start();
        boolean abandoned = false;
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (TimeoutException e) {
            session.halt();
            boolean stuck;
            try {
                done.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                stuck = false;
            } catch (TimeoutException still) {
                stuck = true;
                t.interrupt();
            } catch (ExecutionException | InterruptedException other) {
                stuck = false;
            }
            abandoned = stuck;
            throw timedOut(progress, timeout, rules, stuck);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConsequenceException ce) throw failure(ce);
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            session.halt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules fired", e);
        } finally {
            // An abandoned session's thread still holds it: touching the session would wait for that thread.
            if (!abandoned) session.removeEventListener(progress);
        }
    }

    private static void fireHere(KieSession session) {
        try {
            session.fireAllRules();
        } catch (ConsequenceException e) {
            throw failure(e);
        }
    }

    private static RuleFailure failure(ConsequenceException e) {
        return new RuleFailure(e.getRule() == null ? "?" : e.getRule().getName(), e.getCause() == null ? e : e.getCause());
    }

    private static RuleTimeout timedOut(Progress p, Duration timeout, RuleBase rules, boolean stuck) {
        Rule r = p.current;
        if (r == null) return new RuleTimeout("(none: facts were still being matched)", null, null, p.firings, timeout, stuck);
        Object id = r.getMetaData().get("id");
        return new RuleTimeout(r.getName(), id == null ? null : RuleMeta.unquote(id.toString()), rules.fileOf(r),
                p.firings, timeout, stuck);
    }
}

package dev.preflight.assign;

import dev.preflight.model.Deployment;
import dev.preflight.model.Member;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.List;

/** Why each deployment reaches or misses one user: the answer to "why doesn't Bert see the add-in?". */
public final class Explanation {
    private Explanation() {
    }

    /** One deployment's verdict for the user. */
    public record Line(String deploymentId, String appId, boolean reaches, String why) {
    }

    public static List<Line> forUser(Snapshot snapshot, Assignments assignments, User user) {
        List<Line> out = new ArrayList<>();
        for (Deployment d : snapshot.deployments()) {
            Audience a = assignments.audiences().get(d.id());
            if (a.recipients().contains(user.id())) {
                out.add(new Line(d.id(), d.appId(), true, route(d, a, assignments.graph(), user)));
                continue;
            }
            Exclusion x = a.excluded().stream().filter(e -> e.userId().equals(user.id())).findFirst().orElse(null);
            if (x != null) {
                out.add(new Line(d.id(), d.appId(), false, x.reason() + ": " + x.pathText()));
            } else if (a.everyone()) {
                out.add(new Line(d.id(), d.appId(), false, "assigned to Everyone, but the account is " + user.accountState()));
            } else if (!a.unknown().isEmpty()) {
                out.add(new Line(d.id(), d.appId(), false, "not among the known recipients; unknown: " + String.join(", ", a.unknown())));
            } else {
                out.add(new Line(d.id(), d.appId(), false, "not assigned"));
            }
        }
        return out;
    }

    private static String route(Deployment d, Audience a, GroupGraph graph, User user) {
        if (a.everyone()) return "assigned to Everyone";
        if ("just-me".equals(d.assignment())) return "Just me: the deploying admin";
        List<String> via = new ArrayList<>();
        for (Member t : d.targets()) {
            if ("user".equals(t.kind()) && t.ref().equals(user.id())) via.add("assigned directly");
            if ("group".equals(t.kind()) && t.resolved() && graph.isDirectUser(t.ref(), user.id())) {
                via.add("direct member of assigned group '" + graph.name(t.ref()) + "'");
            }
        }
        return String.join("; ", via);
    }
}

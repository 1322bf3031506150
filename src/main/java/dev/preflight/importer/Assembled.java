package dev.preflight.importer;

import java.util.List;
import java.util.Map;

/** The snapshot to write, section by section (null: the section is absent); values are ordered maps and lists. */
record Assembled(Map<String, Object> snapshot, Map<String, Object> tenant, List<Map<String, Object>> skus,
                 List<Map<String, Object>> users, List<Map<String, Object>> groups, List<Map<String, Object>> admins,
                 List<Map<String, Object>> apps, List<Map<String, Object>> deployments,
                 List<Map<String, Object>> consentGrants, Map<String, Object> dynamics, List<Facts.GapRec> gaps,
                 Map<String, Integer> counts) {
}

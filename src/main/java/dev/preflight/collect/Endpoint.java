package dev.preflight.collect;

import java.util.List;

/**
 * One kind of call the collector makes: where, what it selects, how it pages, the least-privileged permission it
 * needs, and which rules use what it returns. {@link Endpoints#ALL} is the one table docs/collect.md is generated
 * from.
 *
 * @param id          short name, also the exports sub-folder
 * @param service     {@code graph} or {@code dataverse}
 * @param path        path under the service's base URL; {@code {id}} is one object of the parent listing
 * @param query       query string (without {@code ?}), {@code $select} and page size included
 * @param per         the listing whose objects this call is made for ({@code null}: once per tenant)
 * @param page        page size asked for ({@code 0}: the service's default / not pageable)
 * @param batch       requests per {@code $batch} ({@code 0}: not batched)
 * @param application least-privileged application permission (Graph) or Dataverse privilege
 * @param delegated   least-privileged delegated permission (Graph) or Dataverse role
 * @param rules       rules that need what this call returns
 */
public record Endpoint(String id, String service, String path, String query, String per, int page, int batch,
                       String application, String delegated, List<String> rules) {

    public String url(String base, String objectId) {
        String p = objectId == null ? path : path.replace("{id}", objectId);
        return base + p + (query.isEmpty() ? "" : "?" + query);
    }

    public String folder(String objectId) {
        String root = service + "/";
        if (per == null) return root + id;
        Endpoint parent = Endpoints.byId(per);
        return root + parent.id() + "/" + objectId + "/" + id.substring(id.indexOf('.') + 1);
    }
}

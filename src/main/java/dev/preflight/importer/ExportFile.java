package dev.preflight.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.model.Location;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One file of an exports folder, as first read (sniffed): envelope fields, body header, shape, what it holds. */
final class ExportFile {
    enum Shape { LIST, ARRAY, OBJECT, CSV }

    final Path path;
    /** Path relative to the exports folder, with '/', as origins name it. */
    final String rel;
    /** How problems name it (relative to the working directory when possible). */
    final String display;

    boolean envelope;
    String tenant;
    String request;
    Integer status;
    String receivedAt;
    /** The service's error body ({@code error}) of a failed call. */
    JsonNode error;
    String context;
    String nextLink;
    Location nextLinkAt;
    Shape shape;
    /** The (camelCase) keys of the first item, or of the object. */
    final Set<String> keys = new LinkedHashSet<>();
    boolean empty;
    /** Written by the Graph PowerShell SDK or another PowerShell cmdlet (PascalCase properties). */
    boolean pascal;
    List<String> csvHeader;
    /** Lines before a CSV's header ({@code #TYPE ...} of Export-Csv). */
    int csvPreamble;
    JsonNode manifest;

    Kind kind;
    /** The object a per-object call is about: group id, role id, user id or UPN, add-in ProductId. */
    String owner;
    /** Whether a servicePrincipals call was filtered on the App Management Service's appId. */
    boolean amsFilter;
    /** Whether the call had a $filter (a filtered servicePrincipals listing says nothing about the App Management Service). */
    boolean filtered;
    /** A client inventory in Intune's AppInvRawData form (else the plain CSV inventory). */
    boolean intune;

    ExportFile(Path path, String rel, String display) {
        this.path = path;
        this.rel = rel;
        this.display = display;
    }

    /** JSON pointer of the body: {@code /response} in an envelope. */
    String base() {
        return envelope ? "/response" : "";
    }

    boolean failed() {
        return status != null && status >= 400;
    }

    String errorCode() {
        return error == null ? null : error.path("code").asText(null);
    }

    /** "GET ... returned 403 Authorization_RequestDenied (file)". */
    String failure() {
        String code = errorCode();
        return (request == null ? "the call" : request) + " returned " + status + (code == null ? "" : " " + code) + " (" + rel + ")";
    }

    Location at() {
        return new Location(display, 1, 1);
    }
}

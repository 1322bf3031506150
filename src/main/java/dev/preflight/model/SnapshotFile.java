package dev.preflight.model;

/** One file a snapshot was read from, with the SHA-256 of its bytes. */
public record SnapshotFile(String path, String sha256) {
}

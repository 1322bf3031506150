package dev.preflight.model;

/** Anything a finding can be about: it has a kind, a stable id, a name for people and a place in the snapshot. */
public interface Entity {
    String kind();

    String id();

    /** A name for people; falls back to the id. */
    String name();

    Location location();
}

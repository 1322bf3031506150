package dev.preflight.manifest;

import dev.preflight.model.Location;

/** A value read from a manifest and where it is written. */
public record Located(String value, Location at) {
    @Override
    public String toString() {
        return value + " (" + at + ")";
    }
}

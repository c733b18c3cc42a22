package no.alisportalen.municipality;

/** A county (fylke) with the region its municipalities belong to. */
public record County(String number, String name) {}

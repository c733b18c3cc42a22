package no.alisportalen.municipality;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A municipality in the API's reference data, with whether it is especially recruitment-weak (derived). */
public record MunicipalityEntry(@JsonUnwrapped Municipality municipality, boolean recruitmentWeak) {}

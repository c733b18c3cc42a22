package no.alisportalen.municipality;

/** An admin changed whether a municipality counts as especially recruitment-weak; its positions follow. */
public record RecruitmentWeaknessChanged(String municipalityNumber, boolean recruitmentWeak) {}

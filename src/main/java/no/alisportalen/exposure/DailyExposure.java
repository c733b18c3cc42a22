package no.alisportalen.exposure;

import java.time.LocalDate;

/** One position's counts on one day (Oslo time). */
public record DailyExposure(LocalDate day, Exposure counts) {}

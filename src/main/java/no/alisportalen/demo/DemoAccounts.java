package no.alisportalen.demo;

import java.util.List;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.NewApplicant;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import no.alisportalen.municipality.Region;

/** The demo accounts the README lists; all share one documented password. */
final class DemoAccounts {

    static final String PASSWORD = "Demo-passord-2026";

    static final List<NewUser> STAFF = List.of(
            new NewUser("bodo@kommune.demo", PASSWORD, "Bodø kommune (demo)", Role.MUNICIPALITY, "1804", null),
            new NewUser("tromso@kommune.demo", PASSWORD, "Tromsø kommune (demo)", Role.MUNICIPALITY, "5501", null),
            new NewUser("vinje@kommune.demo", PASSWORD, "Vinje kommune (demo)", Role.MUNICIPALITY, "4036", null),
            new NewUser("alis-nord@alis.demo", PASSWORD, "ALIS Nord, Bodø (demo)", Role.ALIS_OFFICE, null, Region.NORD),
            new NewUser("alis-vest@alis.demo", PASSWORD, "ALIS Vest, Bergen (demo)", Role.ALIS_OFFICE, null, Region.VEST));

    static final List<NewApplicant> APPLICANTS = List.of(
            new NewApplicant("student@lege.demo", PASSWORD, "Ingrid Student (demo)", ApplicantStage.MEDICAL_STUDENT),
            new NewApplicant("lis1@lege.demo", PASSWORD, "Ola LIS1 (demo)", ApplicantStage.LIS1),
            new NewApplicant("lege@lege.demo", PASSWORD, "Kari Lege (demo)", ApplicantStage.DOCTOR));

    /** Further applicants, so positions get applications spread over the weeks; not listed in the README. */
    static final List<NewApplicant> MORE_APPLICANTS = java.util.stream.IntStream.rangeClosed(1, 9)
            .mapToObj(i -> new NewApplicant("soker%02d@lege.demo".formatted(i), PASSWORD,
                    List.of("Emma", "Jonas", "Nora", "Lukas", "Sara", "Henrik", "Ida", "Magnus", "Thea", "Elias",
                            "Maja", "Aksel", "Ingeborg", "Sander", "Hedda").get(i - 1)
                            + " " + List.of("Hansen", "Johansen", "Olsen", "Larsen", "Andersen").get(i % 5) + " (demo)",
                    ApplicantStage.values()[i % ApplicantStage.values().length]))
            .toList();

    static final String LETTER = "Jeg er interessert i stillingen og vil gjerne bli allmennlege her. (demo)";

    private DemoAccounts() {}
}

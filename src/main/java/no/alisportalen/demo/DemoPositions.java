package no.alisportalen.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.position.AlisAgreementElement;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.position.WorkSetting;

/**
 * A deterministic, realistic set of positions: the same seed gives the same positions (dates relative to the
 * day they are loaded), published over the last four months, about one in five closed or filled by now. Rural municipalities (centrality 5–6) offer more fixed salaries and incentives, as they
 * do in practice.
 */
final class DemoPositions {

    /**
     * @param written the day the municipality wrote (and, unless a draft, published) it
     * @param status where it stands today: CLOSED and FILLED ones closed at their deadline, weeks ago
     */
    record Planned(PositionData data, PositionStatus status, LocalDate written) {}

    /** How far back the demo's history goes. */
    static final int HISTORY_DAYS = 120;

    static final int COUNT = 168;
    // The municipalities with demo accounts get several positions each, so their pages have something to show.
    private static final List<String> ALWAYS = List.of("1804", "5501", "4036", "0301", "0301", "0301", "4601", "5001",
            "3403", "4204", "1804", "1804", "5501", "5501", "4036", "1804");

    private DemoPositions() {}

    static List<Planned> plan(List<Municipality> municipalities, LocalDate today) {
        return plan(municipalities, today, COUNT, 2026);
    }

    /** The same generator at another scale or seed (the recruitment simulation uses national scale). */
    static List<Planned> plan(List<Municipality> municipalities, LocalDate today, int count, long seed) {
        var random = new Random(seed);
        var byNumber = municipalities.stream().collect(java.util.stream.Collectors.toMap(Municipality::number, m -> m));
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var m = i < ALWAYS.size() ? byNumber.get(ALWAYS.get(i)) : municipalities.get(random.nextInt(municipalities.size()));
            planned.add(position(m, random, today, i));
        }
        return planned;
    }

    private static Planned position(Municipality m, Random r, LocalDate today, int index) {
        boolean rural = m.centrality() >= 5;
        boolean middle = m.centrality() >= 3 && !rural;
        double roll = r.nextDouble();
        var setting = roll < 0.70 ? WorkSetting.GP_PRACTICE : roll < 0.80 ? WorkSetting.NURSING_HOME
                : roll < 0.90 ? WorkSetting.OUT_OF_HOURS : roll < 0.97 ? WorkSetting.MUNICIPAL_ACUTE_UNIT : WorkSetting.OTHER;
        boolean salaried = r.nextDouble() < (rural ? 0.78 : middle ? 0.5 : 0.3) || setting != WorkSetting.GP_PRACTICE;
        var form = salaried ? EmploymentForm.SALARIED : EmploymentForm.SELF_EMPLOYED;
        Integer salary = salaried ? 950_000 + 10_000 * r.nextInt(rural ? 45 : 30) + (rural ? 80_000 : 0) : null;
        Integer list = setting.hasPatientList() ? 50 * (rural ? 8 + r.nextInt(10) : 10 + r.nextInt(19)) : null;
        // Especially recruitment-weak follows the municipality (centrality 5-6 unless an admin overrode it).
        boolean weak = rural;
        boolean alis = r.nextDouble() < 0.85;
        Set<AlisAgreementElement> elements = EnumSet.noneOf(AlisAgreementElement.class);
        if (alis) {
            for (var e : AlisAgreementElement.values()) {
                if (r.nextDouble() < 0.6) {
                    elements.add(e);
                }
            }
        }
        int incentiveCount = rural ? 1 + r.nextInt(4) : middle ? r.nextInt(3) : r.nextInt(2);
        List<Incentive> incentives = new ArrayList<>();
        var types = new ArrayList<>(List.of(IncentiveType.values()));
        int extras = 0;
        for (int k = 0; k < incentiveCount; k++) {
            var type = types.remove(r.nextInt(types.size()));
            Integer amount = type == IncentiveType.EXTRA_LEAVE ? null : 10_000 * (2 + r.nextInt(rural ? 20 : 8));
            // In weak municipalities the scheme's extra elements pay, up to its yearly ceiling; the rest is own.
            boolean scheme = weak && type.canBeSchemeElement()
                    && (type != IncentiveType.SICK_LEAVE_COMPENSATION || !salaried)
                    && extras + (amount == null ? 0 : amount) <= 200_000;
            if (scheme) {
                extras += amount == null ? 0 : amount;
            }
            incentives.add(new Incentive(type, amount, incentiveText(type), scheme));
        }
        Integer onCall = r.nextDouble() < 0.15 ? null : rural ? 2 + r.nextInt(5) : 4 + r.nextInt(9);
        double statusRoll = r.nextDouble();
        var status = statusRoll < 0.08 ? PositionStatus.DRAFT : statusRoll < 0.19 ? PositionStatus.CLOSED
                : statusRoll < 0.30 ? PositionStatus.FILLED : PositionStatus.PUBLISHED;
        // Closed and filled ones were written 45-120 days ago and closed at a deadline at least 15 days ago;
        // published ones stay open at least three more days; drafts are recent.
        int age = switch (status) {
            case DRAFT -> r.nextInt(21);
            case PUBLISHED -> r.nextInt(HISTORY_DAYS + 1);
            default -> 45 + r.nextInt(HISTORY_DAYS - 44);
        };
        var written = today.minusDays(age);
        var deadline = switch (status) {
            case DRAFT -> today.plusDays(30 + r.nextInt(60));
            case PUBLISHED -> max(written.plusDays(21 + r.nextInt(60)), today.plusDays(3 + r.nextInt(30)));
            default -> written.plusDays(21 + r.nextInt(age - 35));
        };
        var start = deadline.plusDays(30 + r.nextInt(150));
        var workplace = workplace(m, setting, r);
        var title = switch (setting) {
            case GP_PRACTICE -> (salaried ? "ALIS med fastlønn, " : "ALIS i næringsdrift, ") + workplace;
            default -> "ALIS ved " + workplace;
        };
        var description = description(m, setting, form, salary, list, onCall, weak);
        var slug = m.name().toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a")
                .replaceAll("[^a-z]", "");
        var contact = new Contact("Kommuneoverlege i " + m.name(), "postmottak@" + slug + ".kommune.no",
                "+47 " + (90000000 + (index * 7919) % 9999999));
        var data = new PositionData(m.number(), title, description, workplace, null, form, setting, list, salary,
                r.nextDouble() < (rural ? 0.8 : 0.55), alis, elements, weak, incentives, r.nextDouble() < 0.75,
                r.nextDouble() < 0.7 ? 4 : 2 + r.nextInt(7), r.nextDouble() < 0.6, onCall, onCall != null && r.nextDouble() < 0.6,
                start, deadline, r.nextDouble() < 0.85 ? 1 : 2, contact);
        return new Planned(data, status, written);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String workplace(Municipality m, WorkSetting setting, Random r) {
        return switch (setting) {
            case GP_PRACTICE -> m.name() + (r.nextBoolean() ? " legesenter" : " legekontor");
            case NURSING_HOME -> m.name() + " sykehjem";
            case OUT_OF_HOURS -> "Legevakten i " + m.name();
            case MUNICIPAL_ACUTE_UNIT -> "KAD-enheten i " + m.name();
            case OTHER -> m.name() + " kommunale helsetjeneste";
        };
    }

    private static String incentiveText(IncentiveType type) {
        return switch (type) {
            case LOCUM_SCHEME -> "Kommunen skaffer vikar ved kurs og ferie";
            case SICK_LEAVE_COMPENSATION -> "Kompensasjon for tapt inntekt ved egen sykdom";
            case COLOCATION_GRANT -> "Tilskudd når legekontoret samlokaliseres";
            case EXTRA_LEAVE -> "En ekstra uke fri med lønn per år";
            case EQUIPMENT -> "Utstyrspakke og bærbar PC";
            case SUPERVISOR_INCENTIVE -> "Godtgjørelse til veileder";
            case HOUSING -> "Kommunal bolig til redusert leie";
            case RELOCATION -> "Dekning av flytteutgifter";
            case OTHER -> "Etableringstilskudd";
        };
    }

    private static String description(Municipality m, WorkSetting setting, EmploymentForm form, Integer salary,
            Integer list, Integer onCall, boolean weak) {
        var text = new StringBuilder();
        text.append(m.name()).append(" kommune søker lege i spesialisering i allmennmedisin (ALIS). ");
        text.append(switch (setting) {
            case GP_PRACTICE -> "Du får egen fastlegeliste" + (list == null ? "" : " på rundt " + list + " pasienter")
                    + " i et kollegialt legekontor.";
            case NURSING_HOME -> "Stillingen er ved sykehjemmet og teller som tjeneste utenfor fastlegeordningen.";
            case OUT_OF_HOURS -> "Stillingen er knyttet til legevakten, med planlagt rotasjon til fastlegepraksis.";
            case MUNICIPAL_ACUTE_UNIT -> "Du arbeider ved den kommunale akutte døgnenheten, med tett samarbeid med sykehuset.";
            case OTHER -> "Stillingen kombinerer oppgaver i kommunens helsetjeneste.";
        });
        text.append("\n\n");
        text.append(form == EmploymentForm.SALARIED
                ? "Stillingen er fast ansatt med fastlønn" + (salary == null ? "" : " fra " + salary + " kroner i året") + "."
                : "Stillingen er i næringsdrift med kommunal støtte de første årene.");
        text.append(onCall == null ? " Det er ingen vaktplikt." : " Vaktbelastningen er 1 av " + onCall + ".");
        if (weak) {
            text.append("\n\nKommunen har særlige rekrutteringsutfordringer og tilbyr derfor ekstra insentiver.");
        }
        text.append("\n\nVi legger vekt på god veiledning, et trygt fagmiljø og tid til spesialiseringen.");
        return text.toString();
    }
}

package no.alisportalen.position;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;

/** Realistic generated positions for the benchmarks: more salaried offers and incentives where centrality is 5–6. */
public final class BenchmarkPositions {

    private BenchmarkPositions() {}

    public static PositionData generate(MunicipalityService municipalities, Random r) {
        List<Municipality> all = municipalities.all();
        var m = all.get(r.nextInt(all.size()));
        var setting = r.nextInt(10) < 7 ? WorkSetting.GP_PRACTICE : WorkSetting.values()[r.nextInt(5)];
        boolean salaried = r.nextInt(10) < (m.centrality() >= 5 ? 8 : 4);
        var today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        var incentives = new ArrayList<Incentive>();
        for (int i = 0; i < (m.centrality() >= 5 ? 1 + r.nextInt(3) : r.nextInt(2)); i++) {
            incentives.add(new Incentive(IncentiveType.values()[r.nextInt(9)], 10_000 * (1 + r.nextInt(15)), null));
        }
        var workplace = m.name() + (setting == WorkSetting.GP_PRACTICE ? " legesenter" : " sykehjem");
        return new PositionData(m.number(), (salaried ? "ALIS med fastlønn, " : "ALIS i næringsdrift, ") + workplace,
                m.name() + " kommune søker ALIS. God veiledning og et trygt fagmiljø.", workplace, null,
                salaried ? EmploymentForm.SALARIED : EmploymentForm.SELF_EMPLOYED, setting,
                setting.hasPatientList() ? 400 + 50 * r.nextInt(20) : null,
                salaried ? 950_000 + 10_000 * r.nextInt(40) : null, r.nextBoolean(), true,
                Set.of(AlisAgreementElement.COURSE_EXPENSES), m.centrality() >= 5, incentives, r.nextBoolean(), 4,
                r.nextBoolean(), r.nextInt(5) == 0 ? null : 2 + r.nextInt(10), r.nextBoolean(),
                today.plusDays(120 + r.nextInt(200)), today.plusDays(10 + r.nextInt(100)), 1, Contact.empty());
    }
}

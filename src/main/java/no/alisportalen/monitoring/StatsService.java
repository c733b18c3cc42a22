package no.alisportalen.monitoring;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.application.ApplicationFact;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.application.ApplicationStatus;
import no.alisportalen.base.Messages;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.exposure.Exposure;
import no.alisportalen.exposure.ExposureService;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Recruitment figures for ALIS offices (their region) and admins (any region or the whole country). */
@Service
public class StatsService {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final PositionService positions;
    private final ApplicationService applications;
    private final MunicipalityService municipalities;
    private final LatentDemand latentDemand;
    private final Messages messages;
    private final Clock clock;

    private final no.alisportalen.position.SchemeProperties scheme;
    private final ExposureService exposure;

    StatsService(PositionService positions, ApplicationService applications, MunicipalityService municipalities,
            LatentDemand latentDemand, Messages messages, Clock clock, no.alisportalen.position.SchemeProperties scheme,
            ExposureService exposure) {
        this.exposure = exposure;
        this.scheme = scheme;
        this.positions = positions;
        this.applications = applications;
        this.municipalities = municipalities;
        this.latentDemand = latentDemand;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The region the current user may look at: an ALIS office its own (asking for another is refused), an admin
     * the one asked for or, with none, the whole country (null).
     */
    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public @Nullable Region scope(@Nullable Region requested) {
        var user = PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required"));
        if (user.role() == Role.ADMIN) {
            return requested;
        }
        var own = user.account().region();
        if (requested != null && requested != own) {
            throw new AccessDeniedException("Another region's figures");
        }
        return own;
    }

    /** Every published, closed or filled position in the scope with its figures, newest first. */
    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public List<PositionStats> positions(@Nullable Region requested) {
        return figures(requested).positions();
    }

    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public Summary summary(@Nullable Region requested) {
        return summarize(figures(requested));
    }

    /** Applications per week (Monday), oldest first. */
    public static Map<LocalDate, Long> perWeek(List<ApplicationFact> facts) {
        Map<LocalDate, Long> weeks = new TreeMap<>();
        for (var fact : facts) {
            var week = fact.submittedAt().atZone(OSLO).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.merge(week, 1L, Long::sum);
        }
        return weeks;
    }

    /** Positions and applications of a region in one read, for dashboards that show several views of them. */
    @PreAuthorize("hasAnyRole('ALIS_OFFICE','ADMIN')")
    public Figures figures(@Nullable Region requested) {
        var region = scope(requested);
        var today = LocalDate.now(clock);
        var all = positions.publishedOrClosed(region);
        var ids = all.stream().map(Position::id).toList();
        var facts = applications.facts(ids);
        Map<PositionId, Long> counts = facts.stream().filter(f -> f.status() != ApplicationStatus.WITHDRAWN)
                .collect(Collectors.groupingBy(ApplicationFact::positionId, Collectors.counting()));
        var demand = latentDemand.counts();
        var seen = exposure.totals(ids);
        List<PositionStats> stats = new ArrayList<>();
        for (var p : all) {
            var d = p.data();
            var opened = p.publishedAt() == null ? today : p.publishedAt().atZone(OSLO).toLocalDate();
            var until = p.status() == PositionStatus.PUBLISHED ? today : p.updatedAt().atZone(OSLO).toLocalDate();
            stats.add(new PositionStats(p.id(), d.title() == null ? "" : d.title(), p.municipalityNumber(),
                    p.region(), p.status(), counts.getOrDefault(p.id(), 0L).intValue(),
                    Math.max(0, ChronoUnit.DAYS.between(opened, until)), d.applicationDeadline(),
                    demand.getOrDefault(p.id().value(), 0), seen.getOrDefault(p.id(), Exposure.NONE).impressions(),
                    seen.getOrDefault(p.id(), Exposure.NONE).views(),
                    seen.getOrDefault(p.id(), Exposure.NONE).applyClicks(), p.municipalityName(), p.centrality(), d.recruitmentWeak(),
                    d.employmentForm(), d.setting(), d.listLength(), d.totalIncentivesNok(), d.yearlyValue(),
                    d.standardElementsNok(), d.schemeExtrasNok(), d.openings() == null ? 1 : d.openings(),
                    d.startDate() != null ? d.startDate().getYear() : opened.getYear()));
        }
        stats.sort(Comparator.comparing((PositionStats s) -> s.status() != PositionStatus.PUBLISHED)
                .thenComparing(s -> s.applicationDeadline() == null ? LocalDate.MAX : s.applicationDeadline()));
        return new Figures(region, stats, facts);
    }

    /** The positions and the applications (without personal data) of a scope. */
    public record Figures(@Nullable Region region, List<PositionStats> positions, List<ApplicationFact> facts) {}

    /**
     * What one municipality's published and filled positions cost the national ALIS scheme in a year.
     *
     * @param agreements one per opening
     */
    public record MunicipalityCost(String municipalityNumber, String municipalityName, int agreements,
            long standardNok, long extraNok) {

        public long totalNok() {
            return standardNok + extraNok;
        }
    }

    /** The scheme's cost in one year for the region (the country for an admin's whole view), against its budget. */
    public record SchemeCost(int year, long budgetNok, long standardNok, long extraNok,
            List<MunicipalityCost> municipalities) {

        public long totalNok() {
            return standardNok + extraNok;
        }
    }

    /**
     * The national ALIS scheme's cost of the region's published and filled positions, per scheme year (a
     * position's start year): standard and extra elements per agreement, times its openings.
     */
    public List<SchemeCost> schemeCost(Figures figures) {
        Map<Integer, Map<String, MunicipalityCost>> byYear = new TreeMap<>();
        for (var p : figures.positions()) {
            if (p.status() != PositionStatus.PUBLISHED && p.status() != PositionStatus.FILLED) {
                continue;
            }
            byYear.computeIfAbsent(p.schemeYear(), y -> new TreeMap<>()).merge(p.municipalityNumber(),
                    new MunicipalityCost(p.municipalityNumber(), p.municipalityName(), p.openings(),
                            (long) p.standardElementsNok() * p.openings(), (long) p.schemeExtrasNok() * p.openings()),
                    (a, b) -> new MunicipalityCost(a.municipalityNumber(), a.municipalityName(),
                            a.agreements() + b.agreements(), a.standardNok() + b.standardNok(),
                            a.extraNok() + b.extraNok()));
        }
        List<SchemeCost> costs = new ArrayList<>();
        byYear.forEach((year, municipalities) -> {
            var figuresOfYear = scheme.forYear(year);
            long budget = figures.region() != null ? figuresOfYear.budgetFor(figures.region())
                    : java.util.Arrays.stream(Region.values()).mapToLong(figuresOfYear::budgetFor).sum();
            var list = municipalities.values().stream()
                    .sorted(Comparator.comparingLong(MunicipalityCost::totalNok).reversed()).toList();
            costs.add(new SchemeCost(year, budget, list.stream().mapToLong(MunicipalityCost::standardNok).sum(),
                    list.stream().mapToLong(MunicipalityCost::extraNok).sum(), list));
        });
        return costs;
    }

    /** The summary of figures already read. */
    public Summary summarize(Figures figures) {
        var region = figures.region();
        var stats = figures.positions();
        var facts = figures.facts();
        var today = LocalDate.now(clock);
        var published = stats.stream().filter(s -> s.status() == PositionStatus.PUBLISHED).toList();
        Map<ApplicationStatus, Long> byStatus = new EnumMap<>(ApplicationStatus.class);
        facts.forEach(f -> byStatus.merge(f.status(), 1L, Long::sum));
        var days = published.stream().mapToLong(PositionStats::daysOpen).sorted().toArray();
        double median = days.length == 0 ? 0 : days.length % 2 == 1 ? days[days.length / 2]
                : (days[days.length / 2 - 1] + days[days.length / 2]) / 2.0;
        var positionMunicipality = stats.stream().collect(Collectors.toMap(PositionStats::positionId,
                PositionStats::municipalityNumber));
        List<MunicipalityStats> perMunicipality = new ArrayList<>();
        stats.stream().collect(Collectors.groupingBy(PositionStats::municipalityNumber, TreeMap::new,
                Collectors.toList())).forEach((number, list) -> {
                    Map<ApplicationStatus, Long> statuses = new EnumMap<>(ApplicationStatus.class);
                    facts.stream().filter(f -> number.equals(positionMunicipality.get(f.positionId())))
                            .forEach(f -> statuses.merge(f.status(), 1L, Long::sum));
                    var open = list.stream().filter(s -> s.status() == PositionStatus.PUBLISHED).toList();
                    var m = municipalities.find(number).orElseThrow();
                    perMunicipality.add(new MunicipalityStats(number, m.name(), m.centrality(),
                            list.stream().anyMatch(PositionStats::recruitmentWeak), open.size(),
                            open.stream().filter(s -> s.applicationCount() == 0).count(),
                            statuses.values().stream().mapToLong(Long::longValue).sum(), statuses,
                            open.stream().mapToLong(PositionStats::matchingApplicants).sum(),
                            list.stream().mapToLong(PositionStats::impressions).sum(),
                            list.stream().mapToLong(PositionStats::views).sum(),
                            list.stream().mapToLong(PositionStats::applyClicks).sum()));
                });
        return new Summary(region, published.size(), published.stream().filter(s -> s.applicationCount() == 0).count(),
                facts.size(), byStatus,
                published.stream().filter(s -> s.applicationDeadline() != null
                        && !s.applicationDeadline().isAfter(today.plusDays(14)) && s.applicationCount() < 2).count(),
                median, published.stream().filter(s -> s.employmentForm() == EmploymentForm.SALARIED).count(),
                published.stream().filter(s -> s.employmentForm() == EmploymentForm.SELF_EMPLOYED).count(),
                perMunicipality);
    }

    /**
     * How the pool of a position would change with one change at a time, largest gain first; for the owning
     * municipality, the region's ALIS office and admins.
     */
    @PreAuthorize("isAuthenticated()")
    public WhatIfReport whatIf(PositionId id, Locale locale) {
        return whatIf(ownOrOverseen(id), locale);
    }

    /** A published (or once published) position the current user acts for or oversees. */
    private Position ownOrOverseen(PositionId id) {
        var user = PortalUser.current().orElseThrow();
        var position = positions.findForStatistics(id).orElseThrow(() -> new NotFoundException("position"));
        if (!user.actsFor(position.municipalityNumber()) && !user.oversees(position.region())) {
            throw new AccessDeniedException("Not this user's position or region");
        }
        return position;
    }

    private WhatIfReport whatIf(Position position, Locale locale) {
        var id = position.id();
        var d = position.data();
        Map<PoolChangeKind, PositionData> variants = new EnumMap<>(PoolChangeKind.class);
        Map<PoolChangeKind, String> descriptions = new EnumMap<>(PoolChangeKind.class);
        if (d.employmentForm() != EmploymentForm.SALARIED) {
            var changed = with(with(d, "employmentForm", EmploymentForm.SALARIED), "annualSalaryNok", 1_100_000);
            variants.put(PoolChangeKind.FIXED_SALARY, changed);
            descriptions.put(PoolChangeKind.FIXED_SALARY, messages.get("whatIf.fixedSalary", locale, 1_100_000));
        }
        if (d.listLength() != null && d.listLength() > 0) {
            int shorter = Math.max(0, d.listLength() - 200);
            variants.put(PoolChangeKind.SHORTER_LIST, with(d, "listLength", shorter));
            descriptions.put(PoolChangeKind.SHORTER_LIST, messages.get("whatIf.shorterList", locale, shorter));
        }
        if (d.onCallRotation() != null) {
            int rarer = d.onCallRotation() + 1;
            variants.put(PoolChangeKind.RARER_ON_CALL, with(d, "onCallRotation", rarer));
            descriptions.put(PoolChangeKind.RARER_ON_CALL, messages.get("whatIf.rarerOnCall", locale, rarer));
        }
        if (!d.introductionAgreement()) {
            variants.put(PoolChangeKind.INTRODUCTION_AGREEMENT, with(d, "introductionAgreement", true));
            descriptions.put(PoolChangeKind.INTRODUCTION_AGREEMENT, messages.get("whatIf.introduction", locale));
        }
        if (!d.supervisorOnSite()) {
            variants.put(PoolChangeKind.SUPERVISOR_ON_SITE, with(d, "supervisorOnSite", true));
            descriptions.put(PoolChangeKind.SUPERVISOR_ON_SITE, messages.get("whatIf.supervisor", locale));
        }
        var incentives = new ArrayList<>(d.incentives());
        incentives.add(new Incentive(IncentiveType.HOUSING, 50_000, null));
        variants.put(PoolChangeKind.EXTRA_INCENTIVE, with(d, "incentives", List.copyOf(incentives)));
        descriptions.put(PoolChangeKind.EXTRA_INCENTIVE, messages.get("whatIf.incentive", locale));

        List<Position> toCount = new ArrayList<>();
        toCount.add(position);
        variants.values().forEach(data -> toCount.add(new Position(position.id(), position.version(),
                position.status(), data, position.municipalityName(), position.countyName(), position.region(),
                position.centrality(), position.publishedAt(), position.updatedAt(), null)));
        var counts = latentDemand.countNow(toCount);
        long today = counts.getFirst();
        List<PoolChange> changes = new ArrayList<>();
        int i = 1;
        for (var kind : variants.keySet()) {
            long pool = counts.get(i++);
            changes.add(new PoolChange(kind, descriptions.get(kind), pool, pool - today));
        }
        changes.sort(Comparator.comparingLong(PoolChange::gain).reversed());
        return new WhatIfReport(id, d.title() == null ? "" : d.title(), today, changes);
    }

    /**
     * The position's funnel week by week against the median of its region's positions like it, with hints; for
     * the owning municipality, the region's ALIS office and admins.
     */
    @PreAuthorize("isAuthenticated()")
    public Funnel funnel(PositionId id, Locale locale) {
        var position = ownOrOverseen(id);
        var today = LocalDate.now(clock.withZone(OSLO));
        var peers = positions.publishedOrClosed(position.region()).stream()
                .filter(p -> !p.id().equals(id) && p.publishedAt() != null
                        && p.data().setting() == position.data().setting()
                        && p.data().employmentForm() == position.data().employmentForm())
                .toList();
        List<Position> all = new ArrayList<>(peers);
        all.add(position);
        var ids = all.stream().map(Position::id).toList();
        var first = all.stream().map(p -> p.publishedAt().atZone(OSLO).toLocalDate()).min(LocalDate::compareTo)
                .orElse(today);
        var daily = exposure.daily(ids, first);
        var facts = applications.facts(ids).stream().filter(f -> f.status() != ApplicationStatus.WITHDRAWN)
                .collect(Collectors.groupingBy(ApplicationFact::positionId));
        var own = weekly(position, today, daily.getOrDefault(id, List.of()), facts.getOrDefault(id, List.of()));
        List<List<Funnel.Stage>> peerWeeks = peers.stream().map(p -> weekly(p, today,
                daily.getOrDefault(p.id(), List.of()), facts.getOrDefault(p.id(), List.of()))).toList();
        var start = position.publishedAt() == null ? today : position.publishedAt().atZone(OSLO).toLocalDate();
        List<Funnel.Week> weeks = new ArrayList<>();
        for (int w = 0; w < own.size(); w++) {
            int week = w;
            var inWeek = peerWeeks.stream().filter(list -> list.size() > week).map(list -> list.get(week)).toList();
            weeks.add(new Funnel.Week(w + 1, start.plusWeeks(w), own.get(w), medianStage(inWeek), inWeek.size()));
        }
        var total = sum(own);
        var peerTotals = peerWeeks.stream().map(list -> sum(list.subList(0, Math.min(list.size(), own.size()))))
                .toList();
        var peerMedian = medianStage(peerTotals);
        var title = position.data().title() == null ? "" : position.data().title();
        return new Funnel(id, title, peers.size(), weeks, total, peerMedian,
                hints(position, total, peerMedian, peers.size(), locale));
    }

    /** Stages per week since publication, up to today or the position's closing. */
    private static List<Funnel.Stage> weekly(Position p, LocalDate today,
            List<no.alisportalen.exposure.DailyExposure> days, List<ApplicationFact> facts) {
        var start = p.publishedAt().atZone(OSLO).toLocalDate();
        var end = p.status() == PositionStatus.PUBLISHED ? today : p.updatedAt().atZone(OSLO).toLocalDate();
        int weeks = (int) Math.max(1, ChronoUnit.DAYS.between(start, end) / 7 + 1);
        var sums = new double[weeks][4];
        for (var day : days) {
            int w = (int) (ChronoUnit.DAYS.between(start, day.day()) / 7);
            if (w >= 0 && w < weeks) {
                sums[w][0] += day.counts().impressions();
                sums[w][1] += day.counts().views();
                sums[w][2] += day.counts().applyClicks();
            }
        }
        for (var fact : facts) {
            int w = (int) (ChronoUnit.DAYS.between(start, fact.submittedAt().atZone(OSLO).toLocalDate()) / 7);
            if (w >= 0 && w < weeks) {
                sums[w][3]++;
            }
        }
        List<Funnel.Stage> result = new ArrayList<>();
        for (var s : sums) {
            result.add(new Funnel.Stage(s[0], s[1], s[2], s[3]));
        }
        return result;
    }

    private static Funnel.Stage sum(List<Funnel.Stage> stages) {
        return new Funnel.Stage(stages.stream().mapToDouble(Funnel.Stage::impressions).sum(),
                stages.stream().mapToDouble(Funnel.Stage::views).sum(),
                stages.stream().mapToDouble(Funnel.Stage::applyClicks).sum(),
                stages.stream().mapToDouble(Funnel.Stage::applications).sum());
    }

    private static Funnel.Stage medianStage(List<Funnel.Stage> stages) {
        return new Funnel.Stage(median(stages.stream().mapToDouble(Funnel.Stage::impressions)),
                median(stages.stream().mapToDouble(Funnel.Stage::views)),
                median(stages.stream().mapToDouble(Funnel.Stage::applyClicks)),
                median(stages.stream().mapToDouble(Funnel.Stage::applications)));
    }

    static double median(java.util.stream.DoubleStream values) {
        var sorted = values.sorted().toArray();
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Rarely shown: under a quarter of the peers' median (or never, once peers are shown) — the pool is the
     * problem, so the best what-if comes with it. Shown but not opened: at least 20 impressions and an
     * opening rate under half the peers'. Opened but no applications: at least 10 views and none.
     */
    private List<Funnel.Hint> hints(Position position, Funnel.Stage own, Funnel.Stage peers, int peerCount,
            Locale locale) {
        List<Funnel.Hint> hints = new ArrayList<>();
        if (peerCount > 0 && peers.impressions() >= 4 && own.impressions() < peers.impressions() / 4) {
            var best = whatIf(position, locale).changes().stream().filter(c -> c.gain() > 0).findFirst();
            hints.add(new Funnel.Hint(Funnel.HintKind.RARELY_SHOWN, best.map(c -> messages.get(
                    "funnel.hint.rarelyShown.whatIf", locale, c.description(), c.gain()))
                    .orElseGet(() -> messages.get("funnel.hint.rarelyShown", locale))));
        } else if (own.impressions() >= 20 && peers.impressions() > 0
                && own.views() / own.impressions() < 0.5 * (peers.views() / peers.impressions())) {
            hints.add(new Funnel.Hint(Funnel.HintKind.SHOWN_NOT_OPENED,
                    messages.get("funnel.hint.shownNotOpened", locale)));
        } else if (own.views() >= 10 && own.applications() == 0) {
            hints.add(new Funnel.Hint(Funnel.HintKind.OPENED_NOT_APPLIED,
                    messages.get("funnel.hint.openedNotApplied", locale)));
        }
        if (hints.isEmpty()) {
            hints.add(new Funnel.Hint(Funnel.HintKind.ON_PAR, messages.get("funnel.hint.onPar", locale)));
        }
        return hints;
    }

    /** The positions table as CSV (semicolon-separated, UTF-8 with BOM, so spreadsheet programs read it). */
    public static String positionsCsv(List<PositionStats> rows, java.util.function.Function<String, String> header) {
        var columns = List.of("positionId", "title", "municipalityNumber", "municipalityName", "region", "status",
                "employmentForm", "setting", "listLength", "incentivesTotalNok", "applicationDeadline", "daysOpen",
                "applicationCount", "matchingApplicants", "yearlyValue", "standardElementsNok", "schemeExtrasNok",
                "impressions", "views", "applyClicks");
        return csv(columns, header, rows.stream().map(s -> List.<Object>of(s.positionId().value(), s.title(),
                s.municipalityNumber(), s.municipalityName(), s.region().name(), s.status().name(),
                s.employmentForm() == null ? "" : s.employmentForm().name(), s.setting() == null ? ""
                        : s.setting().name(), s.listLength() == null ? "" : s.listLength(), s.incentivesTotalNok(),
                s.applicationDeadline() == null ? "" : s.applicationDeadline(), s.daysOpen(), s.applicationCount(),
                s.matchingApplicants(), s.yearlyValue(), s.standardElementsNok(), s.schemeExtrasNok(), s.impressions(),
                s.views(), s.applyClicks())).toList());
    }

    public static String municipalitiesCsv(List<MunicipalityStats> rows,
            java.util.function.Function<String, String> header) {
        var columns = List.of("municipalityNumber", "municipalityName", "centrality", "recruitmentWeak",
                "publishedPositions", "positionsWithZeroApplications", "applications", "matchingApplicants",
                "impressions", "views", "applyClicks");
        return csv(columns, header, rows.stream().map(m -> List.<Object>of(m.municipalityNumber(),
                m.municipalityName(), m.centrality(), m.recruitmentWeak(), m.publishedPositions(),
                m.positionsWithZeroApplications(), m.applications(), m.matchingApplicants(), m.impressions(),
                m.views(), m.applyClicks())).toList());
    }

    private static String csv(List<String> columns, java.util.function.Function<String, String> header,
            List<List<Object>> rows) {
        var out = new StringWriter();
        out.write('\uFEFF');
        var format = CSVFormat.EXCEL.builder().setDelimiter(';')
                .setHeader(columns.stream().map(header).toArray(String[]::new)).get();
        try (var printer = new CSVPrinter(out, format)) {
            for (var row : rows) {
                printer.printRecord(row.stream().map(StatsService::inert).toList());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Text that a spreadsheet would run as a formula (leading {@code = + - @}, tab or carriage return) gets a
     * leading apostrophe, as OWASP recommends; numbers stay numbers.
     */
    static Object inert(Object cell) {
        if (cell instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }

    private static PositionData with(PositionData data, String component, Object value) {
        try {
            var components = PositionData.class.getRecordComponents();
            var args = new Object[components.length];
            var types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                args[i] = c.getName().equals(component) ? value : c.getAccessor().invoke(data);
            }
            return PositionData.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

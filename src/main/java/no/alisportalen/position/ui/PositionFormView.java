package no.alisportalen.position.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.AlisAgreementElement;
import no.alisportalen.position.Contact;
import no.alisportalen.position.DescriptionSanitizer;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionRules;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;

/**
 * Write, publish, close and fill a position, in sections a municipal HR person understands. Validation runs
 * live on every change with the same rules as the API; a stale save says someone else changed the position.
 * {@code ?id=} edits a position, {@code ?kopi=} starts a new draft from an earlier one.
 */
@Route("kommune/stilling")
@RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
final class PositionFormView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final ComboBox<Municipality> municipality = new ComboBox<>();
    final TextField title = new TextField();
    final TextField workplace = new TextField();
    final TextArea description = new TextArea();
    final RadioButtonGroup<EmploymentForm> employmentForm = new RadioButtonGroup<>();
    final IntegerField salary = new IntegerField();
    final Select<WorkSetting> setting = new Select<>();
    final IntegerField listLength = new IntegerField();
    final Checkbox introductionAgreement = new Checkbox();
    final Checkbox alisAgreement = new Checkbox();
    final CheckboxGroup<AlisAgreementElement> elements = new CheckboxGroup<>();
    final Checkbox recruitmentWeak = new Checkbox();
    final Div incentiveRows = new Div();
    final Button addIncentive = new Button();
    final Checkbox supervisorOnSite = new Checkbox();
    final IntegerField supervisionHours = new IntegerField();
    final Checkbox supervisionGroup = new Checkbox();
    final IntegerField onCallRotation = new IntegerField();
    final Checkbox onCallBackup = new Checkbox();
    final Checkbox applicantList = new Checkbox();
    final DatePicker startDate = new DatePicker();
    final DatePicker deadline = new DatePicker();
    final IntegerField openings = new IntegerField();
    final TextField contactName = new TextField();
    final EmailField contactEmail = new EmailField();
    final TextField contactPhone = new TextField();
    final Button save = new Button();
    final Button preview = new Button();
    final Button publish = new Button();
    final Button close = new Button();
    final Button fill = new Button();
    final Paragraph status = new Paragraph();
    final com.vaadin.flow.component.html.Anchor publicLink = new com.vaadin.flow.component.html.Anchor();
    final H1 heading = new H1();

    /** Each standard element's NOK per year, shown while the element is offered. */
    final Map<AlisAgreementElement, com.vaadin.flow.component.textfield.IntegerField> elementAmounts =
            new java.util.EnumMap<>(AlisAgreementElement.class);
    final Paragraph schemeSummary = new Paragraph();
    /** Problems that belong to no single field (the scheme's totals). */
    final com.vaadin.flow.component.html.Div formProblems = new com.vaadin.flow.component.html.Div();

    private final PositionService positions;
    private final MunicipalityService municipalities;
    private final no.alisportalen.municipality.RecruitmentWeakness weakness;
    private final List<IncentiveRow> rows = new ArrayList<>();
    private final Details audit = new Details();
    private @Nullable Position current;
    private boolean loading;

    PositionFormView(PositionService positions, MunicipalityService municipalities,
            no.alisportalen.municipality.RecruitmentWeakness weakness) {
        this.positions = positions;
        this.municipalities = municipalities;
        this.weakness = weakness;
        addClassName("position-form");
        configureFields();
        var actions = new HorizontalLayout(save, preview, publish, close, fill, publicLink);
        actions.setWrap(true);
        actions.addClassName("form-actions");
        add(heading, status,
                section("form.section.basics", new FormLayout(municipality, title, workplace, description)),
                section("form.section.pay", help("form.employmentForm.help"), new FormLayout(employmentForm, salary)),
                section("form.section.setting", help("form.setting.help"), new FormLayout(setting, listLength)),
                section("form.section.agreements", introductionAgreement, help("form.introductionAgreement.help"),
                        alisAgreement, help("form.alisAgreement.help"), elements,
                        new FormLayout(elementAmounts.values().toArray(com.vaadin.flow.component.Component[]::new)),
                        schemeSummary),
                section("form.section.incentives", recruitmentWeak, help("form.recruitmentWeak.help"), incentiveRows,
                        addIncentive, formProblems),
                section("form.section.supervision", supervisorOnSite, new FormLayout(supervisionHours),
                        supervisionGroup),
                section("form.section.onCall", new FormLayout(onCallRotation), onCallBackup),
                section("form.section.dates", new FormLayout(startDate, deadline, openings)),
                section("form.section.applicantList", applicantList, help("form.applicantList.help")),
                section("form.section.contact", new FormLayout(contactName, contactEmail, contactPhone)),
                actions, audit);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var id = parameters.getOrDefault("id", List.of()).stream().findFirst();
        var copyOf = parameters.getOrDefault("kopi", List.of()).stream().findFirst();
        try {
            if (id.isPresent()) {
                current = positions.find(new PositionId(id.get())).filter(this::mayEdit).orElse(null);
                if (current == null) {
                    notFound(event);
                    return;
                }
                write(current.data());
            } else if (copyOf.isPresent()) {
                current = null;
                write(positions.copyForNewDraft(new PositionId(copyOf.get())));
            } else {
                current = null;
                write(PositionData.blank(defaultMunicipality()));
            }
        } catch (IllegalArgumentException | no.alisportalen.base.NotFoundException
                | org.springframework.security.access.AccessDeniedException e) {
            notFound(event);
            return;
        }
        refreshState();
    }

    private void notFound(BeforeEnterEvent event) {
        event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, getTranslation("form.notFound"));
    }

    private boolean mayEdit(Position position) {
        return PortalUser.current().map(u -> u.actsFor(position.municipalityNumber())).orElse(false);
    }

    private String defaultMunicipality() {
        return PortalUser.current().map(u -> u.account().municipalityNumber()).filter(n -> n != null)
                .orElse("0301");
    }

    private void configureFields() {
        var admin = PortalUser.current().map(u -> u.role() == Role.ADMIN).orElse(false);
        municipality.setLabel(getTranslation("form.municipality"));
        municipality.setItems(municipalities.byName());
        municipality.setItemLabelGenerator(m -> m.name() + " (" + m.number() + ")");
        municipality.setReadOnly(!admin);
        municipality.setRequiredIndicatorVisible(true);
        title.setLabel(getTranslation("form.title"));
        title.setHelperText(getTranslation("form.title.help"));
        title.setMaxLength(PositionRules.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        workplace.setLabel(getTranslation("form.workplace"));
        workplace.setMaxLength(PositionRules.TEXT_MAX);
        description.setLabel(getTranslation("form.description"));
        description.setHelperText(getTranslation("form.description.help"));
        description.setMaxLength(PositionRules.DESCRIPTION_MAX);
        description.setMinHeight("8em");
        employmentForm.setLabel(getTranslation("form.employmentForm"));
        employmentForm.setItems(EmploymentForm.values());
        employmentForm.setItemLabelGenerator(f -> getTranslation("employmentForm." + f.name()));
        salary.setLabel(getTranslation("form.salary"));
        salary.setMin(PositionRules.SALARY_MIN);
        salary.setMax(PositionRules.SALARY_MAX);
        salary.setStep(10_000);
        setting.setLabel(getTranslation("form.setting"));
        setting.setItems(WorkSetting.values());
        setting.setItemLabelGenerator(s -> getTranslation("setting." + s.name()));
        listLength.setLabel(getTranslation("form.listLength"));
        listLength.setHelperText(getTranslation("form.listLength.help"));
        listLength.setMin(0);
        listLength.setMax(PositionRules.LIST_MAX);
        listLength.setStep(50);
        introductionAgreement.setLabel(getTranslation("form.introductionAgreement"));
        applicantList.setId("applicant-list");
        applicantList.setLabel(getTranslation("form.applicantList"));
        applicantList.setValue(true);
        alisAgreement.setLabel(getTranslation("form.alisAgreement"));
        elements.setLabel(getTranslation("form.elements"));
        elements.setItems(AlisAgreementElement.values());
        elements.setItemLabelGenerator(e -> getTranslation("element." + e.name()));
        recruitmentWeak.setLabel(getTranslation("form.recruitmentWeak"));
        recruitmentWeak.setReadOnly(true);
        for (var element : AlisAgreementElement.values()) {
            var amount = new com.vaadin.flow.component.textfield.IntegerField(
                    getTranslation("form.elementAmount", getTranslation("element." + element.name())));
            amount.setMin(0);
            amount.setStep(1000);
            amount.setSuffixComponent(new com.vaadin.flow.component.html.Span("kr"));
            amount.addValueChangeListener(e -> validateLive());
            elementAmounts.put(element, amount);
        }
        formProblems.getElement().setAttribute("role", "alert");
        formProblems.addClassName("form-problems");
        addIncentive.setText(getTranslation("form.incentive.add"));
        addIncentive.addThemeVariants(ButtonVariant.TERTIARY);
        addIncentive.addClickListener(e -> {
            addRow(new Incentive(null, null, null));
            validateLive();
        });
        supervisorOnSite.setLabel(getTranslation("form.supervisorOnSite"));
        supervisionHours.setLabel(getTranslation("form.supervisionHours"));
        supervisionHours.setHelperText(getTranslation("form.supervisionHours.help"));
        supervisionHours.setMin(0);
        supervisionHours.setMax(PositionRules.SUPERVISION_HOURS_MAX);
        supervisionGroup.setLabel(getTranslation("form.supervisionGroup"));
        onCallRotation.setLabel(getTranslation("form.onCall"));
        onCallRotation.setHelperText(getTranslation("form.onCall.help"));
        onCallRotation.setMin(PositionRules.ON_CALL_MIN);
        onCallRotation.setMax(PositionRules.ON_CALL_MAX);
        onCallBackup.setLabel(getTranslation("form.onCallBackup"));
        startDate.setLabel(getTranslation("form.startDate"));
        deadline.setLabel(getTranslation("form.deadline"));
        for (var picker : List.of(startDate, deadline)) {
            picker.setLocale(getLocale());
            picker.setI18n(datePickerI18n());
        }
        openings.setLabel(getTranslation("form.openings"));
        openings.setMin(1);
        openings.setMax(PositionRules.OPENINGS_MAX);
        openings.setStepButtonsVisible(true);
        contactName.setLabel(getTranslation("form.contact.name"));
        contactEmail.setLabel(getTranslation("form.contact.email"));
        contactPhone.setLabel(getTranslation("form.contact.phone"));

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> saveDraft());
        preview.setText(getTranslation("form.preview"));
        preview.addClickListener(e -> openPreview());
        publish.setText(getTranslation("form.publish"));
        publish.addThemeVariants(ButtonVariant.SUCCESS);
        publish.addClickListener(e -> publish());
        close.setText(getTranslation("form.close"));
        close.addClickListener(e -> attempt(() -> positions.close(id()), "form.closed"));
        fill.setText(getTranslation("form.fill"));
        fill.addClickListener(e -> attempt(() -> positions.fill(id()), "form.filled"));
        audit.setSummaryText(getTranslation("form.section.audit"));
        publicLink.setText(getTranslation("form.public"));
        // Stable ids for end-to-end tests and for assistive-technology landmarks.
        title.setId("title");
        workplace.setId("workplace");
        salary.setId("salary");
        listLength.setId("list-length");
        startDate.setId("start-date");
        deadline.setId("deadline");
        save.setId("save");
        publish.setId("publish");
        publicLink.setId("public-link");

        for (var field : List.of(title, workplace, contactName, contactPhone)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> validateLive());
        }
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.addValueChangeListener(e -> validateLive());
        contactEmail.addValueChangeListener(e -> validateLive());
        municipality.addValueChangeListener(e -> {
            recruitmentWeak.setValue(e.getValue() != null && weakness.isWeak(e.getValue().number()));
            validateLive();
        });
        employmentForm.addValueChangeListener(e -> validateLive());
        setting.addValueChangeListener(e -> validateLive());
        alisAgreement.addValueChangeListener(e -> validateLive());
        elements.addValueChangeListener(e -> validateLive());
        for (var field : List.of(salary, listLength, supervisionHours, onCallRotation, openings)) {
            field.addValueChangeListener(e -> validateLive());
        }
        startDate.addValueChangeListener(e -> validateLive());
        deadline.addValueChangeListener(e -> validateLive());
    }

    /** Month and weekday names in the UI language; Vaadin's defaults are English. */
    private DatePicker.DatePickerI18n datePickerI18n() {
        var symbols = java.text.DateFormatSymbols.getInstance(getLocale());
        var weekdays = List.of(symbols.getWeekdays()).subList(1, 8);
        var shortWeekdays = List.of(symbols.getShortWeekdays()).subList(1, 8).stream()
                .map(d -> d.replace(".", "")).toList();
        return new DatePicker.DatePickerI18n()
                .setMonthNames(List.of(symbols.getMonths()).subList(0, 12))
                .setWeekdays(weekdays)
                .setWeekdaysShort(shortWeekdays)
                .setFirstDayOfWeek(1)
                .setToday(getTranslation("datepicker.today"))
                .setCancel(getTranslation("datepicker.cancel"))
                .setDateFormat("d.M.yyyy");
    }

    private Section section(String headingKey, com.vaadin.flow.component.Component... content) {
        var section = new Section(new H2(getTranslation(headingKey)));
        section.add(content);
        section.addClassName("form-section");
        return section;
    }

    private Paragraph help(String key) {
        var help = new Paragraph(getTranslation(key));
        help.addClassName("help-text");
        return help;
    }

    private void addRow(Incentive incentive) {
        var row = new IncentiveRow(incentive, this::validateLive, r -> {
            rows.remove(r);
            incentiveRows.remove(r);
            validateLive();
        });
        rows.add(row);
        incentiveRows.add(row);
    }

    /** What the form says now, as the service's input. */
    PositionData read() {
        var chosen = municipality.getValue();
        return new PositionData(chosen == null ? null : chosen.number(), title.getValue(), blankToNull(description.getValue()),
                blankToNull(workplace.getValue()), current == null ? null : current.data().location(),
                employmentForm.getValue(), setting.getValue(), listLength.getValue(),
                employmentForm.getValue() == EmploymentForm.SELF_EMPLOYED ? null : salary.getValue(),
                introductionAgreement.getValue(), alisAgreement.getValue(),
                alisAgreement.getValue() ? Set.copyOf(elements.getValue()) : Set.of(), amounts(),
                recruitmentWeak.getValue(), rows.stream().map(IncentiveRow::read).toList(), supervisorOnSite.getValue(), supervisionHours.getValue(),
                supervisionGroup.getValue(), onCallRotation.getValue(), onCallBackup.getValue(), startDate.getValue(),
                deadline.getValue(), openings.getValue(),
                new Contact(blankToNull(contactName.getValue()), blankToNull(contactEmail.getValue()),
                        blankToNull(contactPhone.getValue())),
                employmentForm.getValue() != EmploymentForm.SELF_EMPLOYED || applicantList.getValue());
    }

    /** The amounts of the offered elements; an empty field means the configured default. */
    private Map<AlisAgreementElement, Integer> amounts() {
        Map<AlisAgreementElement, Integer> amounts = new java.util.EnumMap<>(AlisAgreementElement.class);
        if (alisAgreement.getValue()) {
            for (var element : elements.getValue()) {
                var value = elementAmounts.get(element).getValue();
                if (value != null) {
                    amounts.put(element, value);
                }
            }
        }
        return amounts;
    }

    private void write(PositionData data) {
        loading = true;
        municipality.setValue(data.municipalityNumber() == null ? null
                : municipalities.find(data.municipalityNumber()).orElse(null));
        title.setValue(nullToEmpty(data.title()));
        workplace.setValue(nullToEmpty(data.workplace()));
        description.setValue(data.description() == null ? "" : htmlToText(data.description()));
        employmentForm.setValue(data.employmentForm());
        salary.setValue(data.annualSalaryNok());
        setting.setValue(data.setting());
        listLength.setValue(data.listLength());
        introductionAgreement.setValue(data.introductionAgreement());
        alisAgreement.setValue(data.alisAgreement());
        elements.setValue(data.alisAgreementElements());
        elementAmounts.forEach((element, field) -> field.setValue(data.alisAgreementElementsNok().get(element)));
        recruitmentWeak.setValue(data.municipalityNumber() != null && weakness.isWeak(data.municipalityNumber()));
        rows.clear();
        incentiveRows.removeAll();
        data.incentives().forEach(this::addRow);
        supervisorOnSite.setValue(data.supervisorOnSite());
        supervisionHours.setValue(data.supervisionHoursPerMonth());
        supervisionGroup.setValue(data.supervisionGroup());
        onCallRotation.setValue(data.onCallRotation());
        onCallBackup.setValue(data.onCallBackup());
        startDate.setValue(data.startDate());
        deadline.setValue(data.applicationDeadline());
        openings.setValue(data.openings());
        contactName.setValue(nullToEmpty(data.contact().name()));
        contactEmail.setValue(nullToEmpty(data.contact().email()));
        contactPhone.setValue(nullToEmpty(data.contact().phone()));
        applicantList.setValue(data.listsApplicants());
        loading = false;
        updateDependentFields();
    }

    /** Same rules as the API, on every change, so errors show while typing rather than on save. */
    void validateLive() {
        if (loading) {
            return;
        }
        updateDependentFields();
        show(positions.check(read()));
    }

    private void updateDependentFields() {
        salary.setEnabled(employmentForm.getValue() != EmploymentForm.SELF_EMPLOYED);
        // Only the allocation of a GP contract (self-employed) may go without an applicant list.
        applicantList.setEnabled(employmentForm.getValue() == EmploymentForm.SELF_EMPLOYED);
        if (employmentForm.getValue() != EmploymentForm.SELF_EMPLOYED) {
            applicantList.setValue(true);
        }
        if (employmentForm.getValue() == EmploymentForm.SELF_EMPLOYED && salary.getValue() != null) {
            salary.clear();
        }
        elements.setEnabled(alisAgreement.getValue());
        var figures = positions.schemeFigures(read());
        elementAmounts.forEach((element, field) -> {
            boolean offered = alisAgreement.getValue() && elements.getValue().contains(element);
            field.setVisible(offered);
            field.setMax(figures.standardMaxNok());
            field.setPlaceholder(String.valueOf(figures.defaultFor(element)));
            field.setHelperText(getTranslation("form.elementAmount.help", figures.defaultFor(element)));
        });
        var data = read();
        int standard = alisAgreement.getValue() ? elements.getValue().stream()
                .mapToInt(e -> data.alisAgreementElementsNok().getOrDefault(e, figures.defaultFor(e))).sum() : 0;
        schemeSummary.setText(getTranslation("form.scheme.summary", standard, figures.standardMaxNok(),
                data.startDate() != null ? data.startDate().getYear() : java.time.LocalDate.now().getYear()));
        boolean weak = recruitmentWeak.getValue();
        rows.forEach(r -> r.allowScheme(weak, figures.extraMaxNok()));
        var hours = supervisionHours.getValue();
        supervisionHours.setHelperText(getTranslation(hours != null && hours < PositionRules.SUPERVISION_HOURS_RECOMMENDED
                ? "form.supervisionHours.low" : "form.supervisionHours.help"));
    }

    private void show(List<FieldProblem> problems) {
        var fields = fieldsByName();
        fields.values().forEach(f -> f.setInvalid(false));
        formProblems.removeAll();
        for (var problem : problems) {
            var field = fields.get(problem.field());
            var message = getTranslation(problem.messageKey(), problem.args().toArray());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                formProblems.add(new Paragraph(message));
            }
        }
    }

    private Map<String, HasValidation> fieldsByName() {
        Map<String, HasValidation> map = new HashMap<>(Map.ofEntries(Map.entry("municipalityNumber", municipality),
                Map.entry("title", title), Map.entry("workplace", workplace), Map.entry("description", description),
                Map.entry("employmentForm", employmentForm), Map.entry("annualSalaryNok", salary),
                Map.entry("setting", setting), Map.entry("listLength", listLength),
                Map.entry("alisAgreementElements", elements), Map.entry("supervisionHoursPerMonth", supervisionHours),
                Map.entry("onCallRotation", onCallRotation), Map.entry("openings", openings),
                Map.entry("startDate", startDate), Map.entry("applicationDeadline", deadline),
                Map.entry("contact.name", contactName), Map.entry("contact.email", contactEmail),
                Map.entry("contact.phone", contactPhone)));
        elementAmounts.forEach((element, field) -> map.put("alisAgreementElementsNok." + element.name(), field));
        for (int i = 0; i < rows.size(); i++) {
            map.put("incentives[" + i + "].type", rows.get(i).type);
            map.put("incentives[" + i + "].annualAmountNok", rows.get(i).amount);
            map.put("incentives[" + i + "].description", rows.get(i).description);
            map.put("incentives[" + i + "].schemeElement", rows.get(i).scheme);
        }
        return map;
    }

    private boolean saveDraft() {
        boolean saved = attempt(() -> current == null ? positions.create(read())
                : positions.update(current.id(), current.version(), read()), "form.saved");
        if (saved && current != null) {
            write(current.data());
        }
        return saved;
    }

    private void publish() {
        if (saveDraft() && current != null) {
            attempt(() -> positions.publish(current.id(), current.version()), "form.published");
        }
    }

    /** Runs one service call and shows its outcome: done, field problems beside the fields, or a conflict. */
    private boolean attempt(java.util.function.Supplier<Position> action, String doneKey) {
        try {
            current = action.get();
            notify(doneKey, NotificationVariant.SUCCESS);
            refreshState();
            return true;
        } catch (InvalidInputException e) {
            show(e.problems());
            notify("form.invalid", NotificationVariant.ERROR);
        } catch (ConflictException e) {
            conflict(e);
        }
        return false;
    }

    private void conflict(ConflictException e) {
        if ("conflict.position.stale".equals(e.messageKey())) {
            var notification = new Notification();
            notification.addThemeVariants(NotificationVariant.ERROR);
            notification.setPosition(Notification.Position.MIDDLE);
            var reload = new Button(getTranslation("form.reload"), click -> {
                notification.close();
                getUI().ifPresent(ui -> ui.getPage().reload());
            });
            notification.add(new HorizontalLayout(new Paragraph(getTranslation("form.stale")), reload));
            notification.open();
        } else {
            Notification.show(getTranslation(e.messageKey(), e.args()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void openPreview() {
        var data = read();
        var chosen = municipality.getValue();
        if (chosen == null) {
            return;
        }
        var snapshot = new Position(current == null ? new PositionId("preview") : current.id(),
                current == null ? 0 : current.version(), current == null ? PositionStatus.DRAFT : current.status(),
                data.withDescriptionAndLocation(DescriptionSanitizer.clean(data.description()), chosen.location()),
                chosen.name(), chosen.countyName(), chosen.region(), chosen.centrality(), null, Instant.now(), null);
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("form.previewHeading"));
        var details = new PositionDetails(snapshot);
        // The preview scrolls: keyboard users reach it with Tab and scroll it with the arrow keys (WCAG 2.1.1).
        details.getElement().setAttribute("tabindex", "0");
        details.getElement().setAttribute("aria-label", getTranslation("form.previewHeading"));
        dialog.add(details);
        dialog.getFooter().add(new Button(getTranslation("form.closePreview"), e -> dialog.close()));
        dialog.setWidth("min(900px, 95vw)");
        dialog.open();
    }

    private void refreshState() {
        var editing = current != null;
        heading.setText(getTranslation(editing ? "form.heading.edit" : "form.heading.new"));
        save.setText(getTranslation(editing && current.status() != PositionStatus.DRAFT ? "form.saveChanges" : "form.save"));
        var positionStatus = editing ? current.status() : PositionStatus.DRAFT;
        status.setText(getTranslation("form.status", getTranslation("status." + positionStatus.name()),
                editing ? current.version() : 0));
        publish.setVisible(positionStatus == PositionStatus.DRAFT);
        close.setVisible(positionStatus == PositionStatus.PUBLISHED);
        fill.setVisible(positionStatus == PositionStatus.PUBLISHED || positionStatus == PositionStatus.CLOSED);
        boolean editable = positionStatus == PositionStatus.DRAFT || positionStatus == PositionStatus.PUBLISHED;
        publicLink.setVisible(editing && positionStatus != PositionStatus.DRAFT);
        if (editing) {
            publicLink.setHref("stilling/" + current.id().value());
        }
        save.setEnabled(editable);
        audit.setVisible(editing);
        audit.removeAll();
        if (editing) {
            audit.add(AuditList.of(this, positions.audit(current.id())));
        }
    }

    private PositionId id() {
        if (current == null) {
            throw new IllegalStateException("No position loaded");
        }
        return current.id();
    }

    private void notify(String key, NotificationVariant variant) {
        Notification.show(getTranslation(key), 4000, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** The form edits plain text; stored descriptions are sanitized HTML with paragraphs and breaks. */
    static String htmlToText(String html) {
        return html.replace("</p><p>", "\n\n").replaceAll("<br\\s*/?>", "\n").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'")
                .replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@").replace("&#96;", "`")
                .replace("&amp;", "&").strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(current == null ? "form.heading.new" : "form.heading.edit") + " | "
                + getTranslation("app.name");
    }
}

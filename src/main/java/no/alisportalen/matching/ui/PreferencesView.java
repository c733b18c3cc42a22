package no.alisportalen.matching.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.alisportalen.account.Role;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.ui.FormErrors;
import no.alisportalen.matching.MatchService;
import no.alisportalen.matching.Preferences;
import no.alisportalen.matching.Requirement;
import no.alisportalen.matching.Weights;
import no.alisportalen.municipality.County;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;

/** "Mine ønsker": every preference of the matching model in plain language, with how much each one matters. */
@Route("mine/onsker")
@Menu(order = 32, title = "nav.preferences", icon = "vaadin:sliders")
@RolesAllowed(Role.Names.APPLICANT)
final class PreferencesView extends Main implements HasDynamicTitle {

    private final MatchService matches;
    private final MunicipalityService municipalities;
    final CheckboxGroup<Region> regions = new CheckboxGroup<>();
    final MultiSelectComboBox<County> counties = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Municipality> places = new MultiSelectComboBox<>();
    final Checkbox locationRequired = new Checkbox();
    final ComboBox<Municipality> home = new ComboBox<>();
    final IntegerField maxDistance = new IntegerField();
    final CheckboxGroup<EmploymentForm> forms = new CheckboxGroup<>();
    final CheckboxGroup<WorkSetting> settings = new CheckboxGroup<>();
    final IntegerField maxList = new IntegerField();
    final IntegerField minSalary = new IntegerField();
    final RadioButtonGroup<Requirement> fixedSalary = requirement("fixedSalary");
    final RadioButtonGroup<Requirement> introduction = requirement("introductionAgreement");
    final RadioButtonGroup<Requirement> supervisor = requirement("supervisorOnSite");
    final IntegerField minOnCall = new IntegerField();
    final DatePicker earliest = new DatePicker();
    final DatePicker latest = new DatePicker();
    final Checkbox incentives = new Checkbox();
    final Checkbox recruitmentBoost = new Checkbox();
    final Map<String, Select<Integer>> weights = new HashMap<>();
    final Button save = new Button();
    final Div message = new Div();

    PreferencesView(MatchService matches, MunicipalityService municipalities) {
        this.matches = matches;
        this.municipalities = municipalities;
        regions.setId("pref-regions");
        locationRequired.setId("pref-location-required");
        maxList.setId("pref-max-list");
        regions.setLabel(getTranslation("prefs.regions"));
        regions.setItems(Region.values());
        regions.setItemLabelGenerator(r -> getTranslation("region." + r.name()));
        counties.setLabel(getTranslation("prefs.counties"));
        counties.setItems(municipalities.counties());
        counties.setItemLabelGenerator(County::name);
        places.setLabel(getTranslation("prefs.municipalities"));
        places.setItems(municipalities.all());
        places.setItemLabelGenerator(Municipality::name);
        locationRequired.setLabel(getTranslation("prefs.locationRequired"));
        home.setLabel(getTranslation("profile.home"));
        home.setItems(municipalities.all());
        home.setItemLabelGenerator(m -> m.name() + " (" + m.countyName() + ")");
        home.setClearButtonVisible(true);
        maxDistance.setLabel(getTranslation("prefs.maxDistance"));
        maxDistance.setHelperText(getTranslation("prefs.maxDistance.help"));
        maxDistance.setSuffixComponent(new Div("km"));
        forms.setLabel(getTranslation("prefs.forms"));
        forms.setItems(EmploymentForm.values());
        forms.setItemLabelGenerator(f -> getTranslation("employmentForm." + f.name()));
        forms.setHelperText(getTranslation("prefs.forms.help"));
        settings.setLabel(getTranslation("prefs.settings"));
        settings.setItems(WorkSetting.values());
        settings.setItemLabelGenerator(s -> getTranslation("setting." + s.name()));
        settings.setHelperText(getTranslation("prefs.forms.help"));
        maxList.setLabel(getTranslation("prefs.maxList"));
        maxList.setHelperText(getTranslation("prefs.maxList.help"));
        minSalary.setLabel(getTranslation("prefs.minSalary"));
        minSalary.setHelperText(getTranslation("prefs.minSalary.help"));
        minSalary.setSuffixComponent(new Div("kr"));
        minOnCall.setLabel(getTranslation("prefs.minOnCall"));
        minOnCall.setHelperText(getTranslation("prefs.minOnCall.help"));
        minOnCall.setPrefixComponent(new Div("1:"));
        earliest.setLabel(getTranslation("prefs.earliest"));
        latest.setLabel(getTranslation("prefs.latest"));
        incentives.setLabel(getTranslation("prefs.incentives"));
        recruitmentBoost.setLabel(getTranslation("prefs.recruitmentBoost"));
        recruitmentBoost.setHelperText(getTranslation("prefs.recruitmentBoost.help"));
        for (var key : List.of("location", "distance", "listLength", "salary", "introductionAgreement",
                "supervision", "onCall", "incentives")) {
            var select = new Select<Integer>();
            select.setLabel(getTranslation("prefs.weight." + key));
            select.setItems(0, 1, 2, 3, 4, 5);
            select.setItemLabelGenerator(v -> getTranslation("prefs.weight.value." + v));
            weights.put(key, select);
        }
        save.setText(getTranslation("prefs.save"));
        save.setId("save-preferences");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        message.setId("preferences-message");
        message.getElement().setAttribute("role", "status");

        show(matches.preferences());
        var weightForm = new FormLayout();
        List.of("location", "distance", "listLength", "salary", "introductionAgreement", "supervision", "onCall",
                "incentives").forEach(k -> weightForm.add(weights.get(k)));
        add(new H1(getTranslation("prefs.heading")), new Paragraph(getTranslation("prefs.intro")),
                section("prefs.where", form(regions, counties, places, locationRequired, home, maxDistance)),
                section("prefs.what", form(forms, settings, maxList, minSalary, fixedSalary, introduction,
                        supervisor, minOnCall, earliest, latest, incentives, recruitmentBoost)),
                section("prefs.weights", new Paragraph(getTranslation("prefs.weights.intro")), weightForm),
                save, message, new Paragraph(new Anchor("mine/treff", getTranslation("prefs.toMatches"))));
    }

    private RadioButtonGroup<Requirement> requirement(String key) {
        var group = new RadioButtonGroup<Requirement>();
        group.setLabel(getTranslation("prefs." + key));
        group.setItems(Requirement.values());
        group.setItemLabelGenerator(r -> getTranslation("prefs.requirement." + r.name()));
        return group;
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        var form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return form;
    }

    private Section section(String heading, com.vaadin.flow.component.Component... content) {
        var section = new Section(new H2(getTranslation(heading)));
        section.add(content);
        return section;
    }

    private void show(Preferences p) {
        regions.setValue(p.regions());
        counties.setValue(municipalities.counties().stream().filter(c -> p.counties().contains(c.number()))
                .collect(Collectors.toSet()));
        places.setValue(p.municipalities().stream().map(municipalities::find).flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet()));
        locationRequired.setValue(p.locationRequired());
        home.setValue(p.homeMunicipality() == null ? null : municipalities.find(p.homeMunicipality()).orElse(null));
        maxDistance.setValue(p.maxDistanceKm());
        forms.setValue(p.employmentForms());
        settings.setValue(p.settings());
        maxList.setValue(p.maxListLength());
        minSalary.setValue(p.minAnnualSalaryNok());
        fixedSalary.setValue(p.fixedSalary());
        introduction.setValue(p.introductionAgreement());
        supervisor.setValue(p.supervisorOnSite());
        minOnCall.setValue(p.minOnCallRotation());
        earliest.setValue(p.earliestStart());
        latest.setValue(p.latestStart());
        incentives.setValue(p.incentivesPreferred());
        recruitmentBoost.setValue(p.recruitmentBoost());
        var w = p.weights();
        weights.get("location").setValue(w.location());
        weights.get("distance").setValue(w.distance());
        weights.get("listLength").setValue(w.listLength());
        weights.get("salary").setValue(w.salary());
        weights.get("introductionAgreement").setValue(w.introductionAgreement());
        weights.get("supervision").setValue(w.supervision());
        weights.get("onCall").setValue(w.onCall());
        weights.get("incentives").setValue(w.incentives());
    }

    Preferences read() {
        var b = Preferences.defaults().toBuilder();
        b.regions = Set.copyOf(regions.getValue());
        b.counties = counties.getValue().stream().map(County::number).collect(Collectors.toSet());
        b.municipalities = places.getValue().stream().map(Municipality::number).collect(Collectors.toSet());
        b.locationRequired = locationRequired.getValue();
        b.homeMunicipality = home.getValue() == null ? null : home.getValue().number();
        b.maxDistanceKm = maxDistance.getValue();
        b.employmentForms = new HashSet<>(forms.getValue());
        b.settings = new HashSet<>(settings.getValue());
        b.maxListLength = maxList.getValue();
        b.minAnnualSalaryNok = minSalary.getValue();
        b.fixedSalary = or(fixedSalary.getValue());
        b.introductionAgreement = or(introduction.getValue());
        b.supervisorOnSite = or(supervisor.getValue());
        b.minOnCallRotation = minOnCall.getValue();
        b.earliestStart = earliest.getValue();
        b.latestStart = latest.getValue();
        b.incentivesPreferred = incentives.getValue();
        b.recruitmentBoost = recruitmentBoost.getValue();
        b.weights = new Weights(weights.get("location").getValue(), weights.get("distance").getValue(),
                weights.get("listLength").getValue(), weights.get("salary").getValue(),
                weights.get("introductionAgreement").getValue(), weights.get("supervision").getValue(),
                weights.get("onCall").getValue(), weights.get("incentives").getValue());
        return b.build();
    }

    private static Requirement or(@Nullable Requirement value) {
        return value == null ? Requirement.ANY : value;
    }

    void save() {
        message.removeAll();
        Map<String, HasValidation> fields = new HashMap<>(Map.of("counties", counties, "municipalities", places,
                "locationRequired", locationRequired, "homeMunicipality", home, "maxDistanceKm", maxDistance,
                "maxListLength", maxList, "minAnnualSalaryNok", minSalary, "minOnCallRotation", minOnCall,
                "earliestStart", earliest, "latestStart", latest));
        weights.forEach((k, v) -> fields.put("weights." + k, v));
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            matches.savePreferences(read());
            message.add(new Paragraph(getTranslation("prefs.saved")),
                    new Paragraph(new Anchor("mine/treff", getTranslation("prefs.toMatches"))));
        } catch (InvalidInputException e) {
            FormErrors.show(e, fields, this::getTranslation);
            message.add(new Paragraph(getTranslation("form.invalid")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("prefs.heading") + " | " + getTranslation("app.name");
    }
}

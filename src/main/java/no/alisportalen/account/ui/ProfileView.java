package no.alisportalen.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Map;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.ProfileUpdate;
import no.alisportalen.account.Role;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.ui.FormErrors;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import tools.jackson.databind.json.JsonMapper;

/** "Min profil": the applicant's profile, a download of all their data, and deleting the account. */
@Route("min-profil")
@Menu(order = 35, title = "nav.profile", icon = "vaadin:user")
@RolesAllowed(Role.Names.APPLICANT)
final class ProfileView extends Main implements HasDynamicTitle {

    private final AccountService accounts;
    private final AuthenticationContext authentication;
    final TextField name = new TextField();
    final RadioButtonGroup<ApplicantStage> stage = new RadioButtonGroup<>();
    final IntegerField graduationYear = new IntegerField();
    final ComboBox<Municipality> home = new ComboBox<>();
    final com.vaadin.flow.component.datepicker.DatePicker birthDate = new com.vaadin.flow.component.datepicker.DatePicker();
    final RadioButtonGroup<no.alisportalen.account.Gender> gender = new RadioButtonGroup<>();
    final TextField title = new TextField();
    final TextField phone = new TextField();
    final com.vaadin.flow.component.textfield.TextArea education = new com.vaadin.flow.component.textfield.TextArea();
    final com.vaadin.flow.component.textfield.TextArea experience = new com.vaadin.flow.component.textfield.TextArea();
    final Button save = new Button();
    final Button delete = new Button();
    final Div message = new Div();

    ProfileView(AccountService accounts, MunicipalityService municipalities, AuthenticationContext authentication,
            JsonMapper json) {
        this.accounts = accounts;
        this.authentication = authentication;
        var account = PortalUser.current().flatMap(u -> accounts.find(u.id())).orElseThrow();
        name.setLabel(getTranslation("register.name"));
        name.setId("profile-name");
        name.setRequiredIndicatorVisible(true);
        name.setValue(account.name());
        stage.setLabel(getTranslation("register.stage"));
        stage.setItems(ApplicantStage.values());
        stage.setItemLabelGenerator(s -> getTranslation("stage." + s.name()));
        stage.setValue(account.stage());
        graduationYear.setLabel(getTranslation("profile.graduationYear"));
        graduationYear.setHelperText(getTranslation("profile.graduationYear.help"));
        graduationYear.setId("profile-graduation");
        graduationYear.setValue(account.graduationYear());
        home.setLabel(getTranslation("profile.home"));
        home.setHelperText(getTranslation("profile.home.help"));
        home.setId("profile-home");
        home.setItems(municipalities.all());
        home.setItemLabelGenerator(m -> m.name() + " (" + m.countyName() + ")");
        home.setClearButtonVisible(true);
        if (account.homeMunicipality() != null) {
            municipalities.find(account.homeMunicipality()).ifPresent(home::setValue);
        }
        var details = account.applicantDetails();
        birthDate.setLabel(getTranslation("profile.birthDate"));
        birthDate.setId("profile-birth-date");
        birthDate.setLocale(getLocale());
        birthDate.setValue(details.birthDate());
        gender.setLabel(getTranslation("profile.gender"));
        gender.setId("profile-gender");
        gender.setItems(no.alisportalen.account.Gender.values());
        gender.setItemLabelGenerator(g -> getTranslation("gender." + g.name()));
        gender.setValue(details.gender());
        text(title, "title", no.alisportalen.account.ApplicantDetails.TITLE_MAX, details.title());
        title.setHelperText(getTranslation("profile.title.help"));
        text(phone, "phone", 20, details.phone());
        text(education, "education", no.alisportalen.account.ApplicantDetails.EDUCATION_MAX, details.education());
        text(experience, "experience", no.alisportalen.account.ApplicantDetails.EXPERIENCE_MAX, details.experience());
        save.setText(getTranslation("profile.save"));
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        message.getElement().setAttribute("role", "status");
        message.setId("profile-message");

        var download = new Anchor(DownloadHandler.fromInputStream(event -> {
            var bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(accounts.exportMine());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "alis-portalen-data.json", "application/json",
                    bytes.length);
        }), getTranslation("profile.download"));
        download.setId("download-data");
        delete.setText(getTranslation("profile.delete"));
        delete.setId("delete-account");
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> confirmDelete());

        var form = new FormLayout(name, stage, graduationYear, home, birthDate, gender, title, phone, education,
                experience);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(new H1(getTranslation("profile.heading")), new Paragraph(account.email()), form, save, message,
                new Section(new H2(getTranslation("profile.data.heading")),
                        new Paragraph(getTranslation("profile.data.text")), new Paragraph(download),
                        new Paragraph(new Anchor("personvern", getTranslation("layout.privacy")))),
                new Section(new H2(getTranslation("profile.delete.heading")),
                        new Paragraph(getTranslation("profile.delete.text")), delete));
    }

    /** A profile text field: label {@code profile.<name>}, id {@code profile-<name>}, its limit and value. */
    private void text(
            com.vaadin.flow.component.textfield.TextFieldBase<?, String> field, String name, int max,
            @org.jspecify.annotations.Nullable String value) {
        field.setLabel(getTranslation("profile." + name));
        field.setId("profile-" + name);
        switch (field) {
            case TextField line -> line.setMaxLength(max);
            case com.vaadin.flow.component.textfield.TextArea area -> area.setMaxLength(max);
            default -> { }
        }
        field.setValue(java.util.Objects.requireNonNullElse(value, ""));
    }

    void save() {
        message.removeAll();
        Map<String, HasValidation> fields = Map.of("name", name, "stage", stage, "graduationYear", graduationYear,
                "homeMunicipality", home, "birthDate", birthDate, "title", title, "phone", phone, "education",
                education, "experience", experience);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            accounts.updateProfile(new ProfileUpdate(name.getValue(), stage.getValue(), graduationYear.getValue(),
                    home.getValue() == null ? null : home.getValue().number(), birthDate.getValue(),
                    gender.getValue(), title.getValue(), phone.getValue(), education.getValue(),
                    experience.getValue()));
            message.add(new Paragraph(getTranslation("profile.saved")));
        } catch (InvalidInputException e) {
            FormErrors.show(e, fields, this::getTranslation);
            message.add(new Paragraph(getTranslation("form.invalid")));
        }
    }

    void confirmDelete() {
        var dialog = new ConfirmDialog(getTranslation("profile.delete.heading"),
                getTranslation("profile.delete.confirm"), getTranslation("profile.delete"), e -> deleteAccount());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("myApplications.withdraw.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void deleteAccount() {
        accounts.deleteMine();
        authentication.logout();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.heading") + " | " + getTranslation("app.name");
    }
}

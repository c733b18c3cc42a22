package no.alisportalen.application.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.application.Application;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import org.jspecify.annotations.Nullable;

/** Quick apply: the applicant's profile goes with a cover letter; /stilling/{id}/sok. */
@Route("stilling/:id/sok")
@RolesAllowed(Role.Names.APPLICANT)
final class ApplyView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PositionService positions;
    private final ApplicationService applications;
    private final AccountService accounts;
    private final Clock clock;
    final TextArea coverLetter = new TextArea();
    final Button send = new Button();
    final Div outcome = new Div();
    final com.vaadin.flow.component.datepicker.DatePicker birthDate = new com.vaadin.flow.component.datepicker.DatePicker();
    final com.vaadin.flow.component.radiobutton.RadioButtonGroup<no.alisportalen.account.Gender> gender =
            new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>();
    final com.vaadin.flow.component.combobox.ComboBox<no.alisportalen.municipality.Municipality> home =
            new com.vaadin.flow.component.combobox.ComboBox<>();
    final com.vaadin.flow.component.checkbox.Checkbox exemption = new com.vaadin.flow.component.checkbox.Checkbox();
    final TextArea exemptionReason = new TextArea();
    private final no.alisportalen.municipality.MunicipalityService municipalities;
    private @Nullable Position position;

    ApplyView(PositionService positions, ApplicationService applications, AccountService accounts, Clock clock,
            no.alisportalen.municipality.MunicipalityService municipalities) {
        this.municipalities = municipalities;
        this.positions = positions;
        this.applications = applications;
        this.accounts = accounts;
        this.clock = clock;
        outcome.setId("apply-outcome");
        // Announced by screen readers when the confirmation or a refusal appears.
        outcome.getElement().setAttribute("role", "status");
        outcome.getElement().setAttribute("aria-live", "polite");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            position = positions.find(new PositionId(event.getRouteParameters().get("id").orElse("")))
                    .orElseThrow(NotFoundException::new);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        removeAll();
        outcome.removeAll();
        var title = Objects.requireNonNullElse(position.data().title(), "");
        var back = new Anchor("stilling/" + position.id().value(), getTranslation("apply.back"));
        add(new H1(getTranslation("apply.heading", title)), new Paragraph(back));
        var existing = applications.myActive(position.id());
        if (existing.isPresent()) {
            showApplied(existing.get(), false);
            return;
        }
        if (!position.isOpen(LocalDate.now(clock))) {
            outcome.add(new Paragraph(getTranslation(position.status() == no.alisportalen.position.PositionStatus.PUBLISHED
                    ? "conflict.application.deadlinePassed" : "conflict.application.positionClosed")));
            add(outcome);
            return;
        }
        if (PortalUser.current().flatMap(u -> accounts.find(u.id())).map(a -> !a.emailVerified()).orElse(false)) {
            // Confirming the address comes first: until then the account reaches no one (api-v1 "Security rules").
            var unconfirmed = new Paragraph(getTranslation("problem.emailUnconfirmed.detail"));
            unconfirmed.setId("apply-unconfirmed");
            outcome.add(unconfirmed);
            add(outcome);
            return;
        }
        add(new H2(getTranslation("apply.profile")), profile());
        coverLetter.setId("cover-letter");
        coverLetter.setLabel(getTranslation("apply.coverLetter"));
        coverLetter.setHelperText(getTranslation("apply.coverLetter.help", ApplicationService.COVER_LETTER_MAX));
        coverLetter.setMaxLength(ApplicationService.COVER_LETTER_MAX);
        coverLetter.setRequiredIndicatorVisible(true);
        coverLetter.setWidthFull();
        coverLetter.setMinHeight("12em");
        coverLetter.setValueChangeMode(ValueChangeMode.LAZY);
        send.setId("send-application");
        send.setText(getTranslation("apply.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> submit());
        add(coverLetter);
        if (position.data().listsApplicants()) {
            add(applicantList());
        }
        add(send, outcome);
    }

    /**
     * The applicant list (offentleglova § 25): what it needs that the profile lacks, asked here with the reason,
     * and the request to be left off, explained plainly.
     */
    private Div applicantList() {
        var account = PortalUser.current().flatMap(u -> accounts.find(u.id())).orElseThrow();
        var details = account.applicantDetails();
        var box = new Div();
        box.setId("apply-applicant-list");
        box.add(new H2(getTranslation("apply.list.heading")),
                new Paragraph(Objects.requireNonNull(position).applicantListNotice()));
        var why = getTranslation("apply.list.why");
        birthDate.setId("apply-birth-date");
        birthDate.setLabel(getTranslation("profile.birthDate"));
        birthDate.setLocale(getLocale());
        birthDate.setHelperText(why);
        birthDate.setRequiredIndicatorVisible(true);
        birthDate.setVisible(details.birthDate() == null);
        gender.setId("apply-gender");
        gender.setLabel(getTranslation("profile.gender"));
        gender.setItems(no.alisportalen.account.Gender.values());
        gender.setItemLabelGenerator(g -> getTranslation("gender." + g.name()));
        gender.setHelperText(why);
        gender.setRequiredIndicatorVisible(true);
        gender.setVisible(details.gender() == null);
        home.setId("apply-home");
        home.setLabel(getTranslation("profile.home"));
        home.setItems(municipalities.all());
        home.setItemLabelGenerator(m -> m.name() + " (" + m.countyName() + ")");
        home.setHelperText(why);
        home.setRequiredIndicatorVisible(true);
        home.setVisible(account.homeMunicipality() == null);
        exemption.setId("apply-exemption");
        exemption.setLabel(getTranslation("apply.exemption"));
        exemptionReason.setId("apply-exemption-reason");
        exemptionReason.setLabel(getTranslation("apply.exemption.reason"));
        exemptionReason.setHelperText(getTranslation("apply.exemption.help"));
        exemptionReason.setMaxLength(no.alisportalen.application.Exemption.TEXT_MAX);
        exemptionReason.setWidthFull();
        exemptionReason.setVisible(false);
        exemption.addValueChangeListener(e -> exemptionReason.setVisible(e.getValue()));
        var explanation = new Paragraph(getTranslation("apply.exemption.explained"));
        explanation.setId("apply-exemption-explained");
        box.add(birthDate, gender, home, exemption, explanation, exemptionReason);
        return box;
    }

    /** Saves what the list needs to the profile first, so the application and the profile agree. */
    private boolean completeProfile() {
        if (!birthDate.isVisible() && !gender.isVisible() && !home.isVisible()) {
            return true;
        }
        var account = PortalUser.current().flatMap(u -> accounts.find(u.id())).orElseThrow();
        var details = account.applicantDetails();
        var update = new no.alisportalen.account.ProfileUpdate(account.name(), account.stage(),
                account.graduationYear(), home.isVisible() && home.getValue() != null ? home.getValue().number()
                        : account.homeMunicipality(),
                birthDate.isVisible() ? birthDate.getValue() : details.birthDate(),
                gender.isVisible() ? gender.getValue() : details.gender(), details.title(), details.phone(),
                details.education(), details.experience());
        try {
            accounts.updateProfile(update);
            return true;
        } catch (InvalidInputException e) {
            showProblems(e);
            return false;
        }
    }

    private void showProblems(InvalidInputException e) {
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("coverLetter", coverLetter,
                "birthDate", birthDate, "gender", gender, "homeMunicipality", home, "exemptionRequest.reason",
                exemptionReason);
        fields.values().forEach(f -> f.setInvalid(false));
        no.alisportalen.base.ui.FormErrors.show(e, fields, this::getTranslation);
        send.setEnabled(true);
    }

    private Div profile() {
        var account = PortalUser.current().flatMap(u -> accounts.find(u.id())).orElseThrow();
        var box = new Div();
        box.addClassName("profile-summary");
        box.add(new Paragraph(account.name() + " · " + account.email()));
        if (account.stage() != null) {
            box.add(new Paragraph(getTranslation("stage." + account.stage().name())));
        }
        box.add(new Paragraph(getTranslation("apply.profile.help")));
        return box;
    }

    void submit() {
        var current = Objects.requireNonNull(position);
        if (current.data().listsApplicants() && !completeProfile()) {
            return;
        }
        try {
            var application = applications.apply(current.id(), coverLetter.getValue(),
                    exemption.getValue() ? exemptionReason.getValue() : null);
            coverLetter.setVisible(false);
            send.setVisible(false);
            showApplied(application, true);
        } catch (InvalidInputException e) {
            showProblems(e);
        } catch (ConflictException e) {
            outcome.removeAll();
            outcome.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
            send.setEnabled(true);
        }
    }

    private void showApplied(Application application, boolean justNow) {
        outcome.removeAll();
        var text = new Paragraph(getTranslation(justNow ? "apply.sent" : "apply.already",
                getTranslation("application.status." + application.status().name())));
        text.addClassName("success-message");
        outcome.add(text, new Paragraph(new Anchor("mine/soknader", getTranslation("apply.toMine"))));
        if (!outcome.isAttached()) {
            add(outcome);
        }
    }

    @Override
    public String getPageTitle() {
        var title = position == null ? "" : Objects.requireNonNullElse(position.data().title(), "") + " | ";
        return getTranslation("apply.title") + ": " + title + getTranslation("app.name");
    }
}

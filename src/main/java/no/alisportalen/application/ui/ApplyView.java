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
    private @Nullable Position position;

    ApplyView(PositionService positions, ApplicationService applications, AccountService accounts, Clock clock) {
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
        add(coverLetter, send, outcome);
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
        try {
            var application = applications.apply(current.id(), coverLetter.getValue());
            coverLetter.setVisible(false);
            send.setVisible(false);
            showApplied(application, true);
        } catch (InvalidInputException e) {
            coverLetter.setInvalid(true);
            coverLetter.setErrorMessage(getTranslation(e.problems().getFirst().messageKey(),
                    e.problems().getFirst().args().toArray()));
            send.setEnabled(true);
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

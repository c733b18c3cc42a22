package no.alisportalen.application.ui;

import java.util.Objects;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import no.alisportalen.account.Role;
import no.alisportalen.application.Application;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.base.ConflictException;

/** "Mine søknader": every application of the applicant with its status timeline; withdraw while undecided. */
@Route("mine/soknader")
@Menu(order = 30, title = "nav.myApplications", icon = "vaadin:file-text-o")
@RolesAllowed(Role.Names.APPLICANT)
final class MyApplicationsView extends Main implements HasDynamicTitle {

    private final ApplicationService applications;
    final Div list = new Div();
    final Div message = new Div();

    MyApplicationsView(ApplicationService applications) {
        this.applications = applications;
        list.setId("my-applications");
        message.getElement().setAttribute("role", "status");
        add(new H1(getTranslation("myApplications.heading")), new Paragraph(getTranslation("myApplications.intro")),
                message, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var mine = applications.mine();
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("myApplications.empty")),
                    new Anchor("stillinger", getTranslation("myApplications.search")));
        }
        mine.forEach(a -> list.add(card(a)));
    }

    private Section card(Application application) {
        var card = new Section();
        card.addClassName("application-card");
        var heading = new H2(new Anchor("stilling/" + application.positionId().value(), application.positionTitle()));
        var meta = new Paragraph(application.municipalityName() + " · " + getTranslation("myApplications.submitted",
                ApplicationUi.date(this).format(application.submittedAt())) + " · ");
        meta.add(ApplicationUi.badge(this, application.status()));
        card.add(heading, meta, ApplicationUi.timeline(this, application));
        var exemption = application.exemption();
        if (exemption != null && application.status() != no.alisportalen.application.ApplicationStatus.WITHDRAWN) {
            var state = new Paragraph(getTranslation("exemption.state." + exemption.state()));
            state.addClassName("exemption-state");
            card.add(state);
            if (exemption.state() == no.alisportalen.application.ExemptionState.REFUSED
                    && exemption.acceptedAt() == null && exemption.answerBy() != null) {
                // The answer the refusal asks for: withdraw (below) or accept being listed.
                card.add(new Paragraph(getTranslation("myApplications.exemptionRefused",
                        ApplicationUi.dateTime(this).format(exemption.answerBy()),
                        Objects.requireNonNullElse(exemption.justification(), ""))));
                var listed = new Button(getTranslation("myApplications.acceptListing"), e -> acceptListing(application));
                listed.addClassName("accept-listing");
                listed.getElement().setAttribute("aria-label",
                        getTranslation("myApplications.acceptListing") + ": " + application.positionTitle());
                card.add(listed);
            }
        }
        if (application.status() == no.alisportalen.application.ApplicationStatus.OFFERED) {
            var accept = new Button(getTranslation("myApplications.accept"), e -> accept(application));
            accept.addThemeVariants(ButtonVariant.PRIMARY);
            accept.addClassName("accept-offer");
            accept.getElement().setAttribute("aria-label",
                    getTranslation("myApplications.accept") + ": " + application.positionTitle());
            card.add(accept);
        }
        if (application.withdrawable()) {
            // Declining an offer is withdrawing the application.
            var withdraw = new Button(getTranslation(application.status()
                    == no.alisportalen.application.ApplicationStatus.OFFERED ? "myApplications.decline"
                    : "myApplications.withdraw"), e -> confirmWithdraw(application));
            withdraw.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            withdraw.getElement().setAttribute("aria-label",
                    getTranslation("myApplications.withdraw") + ": " + application.positionTitle());
            card.add(withdraw);
        }
        return card;
    }

    void accept(Application application) {
        message.removeAll();
        try {
            applications.acceptOffer(application.id());
            message.add(new Paragraph(getTranslation("myApplications.accepted", application.positionTitle())));
        } catch (ConflictException e) {
            message.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
        refresh();
    }

    void acceptListing(Application application) {
        message.removeAll();
        try {
            applications.acceptListing(application.id());
            message.add(new Paragraph(getTranslation("myApplications.listingAccepted", application.positionTitle())));
        } catch (ConflictException e) {
            message.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
        refresh();
    }

    void confirmWithdraw(Application application) {
        var dialog = new ConfirmDialog(getTranslation("myApplications.withdraw.title"),
                getTranslation("myApplications.withdraw.text", application.positionTitle()),
                getTranslation("myApplications.withdraw"), e -> withdraw(application));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("myApplications.withdraw.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void withdraw(Application application) {
        message.removeAll();
        try {
            applications.withdraw(application.id());
            message.add(new Paragraph(getTranslation("myApplications.withdrawn", application.positionTitle())));
        } catch (ConflictException e) {
            message.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myApplications.heading") + " | " + getTranslation("app.name");
    }
}

package no.alisportalen.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import no.alisportalen.account.Account;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApiKeyService;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import no.alisportalen.base.ui.FormErrors;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;

/** Administrators create municipality, ALIS-office and admin users, each with its scope. */
@Route("admin/brukere")
@Menu(order = 80, title = "nav.adminUsers", icon = "vaadin:users")
@RolesAllowed(Role.Names.ADMIN)
final class AdminUsersView extends Main implements HasDynamicTitle {

    final EmailField email = new EmailField();
    final TextField name = new TextField();
    final PasswordField password = new PasswordField();
    final Select<Role> role = new Select<>();
    final ComboBox<Municipality> municipality = new ComboBox<>();
    final Select<Region> region = new Select<>();
    final Button create = new Button();
    final Grid<Account> grid = new Grid<>();

    /** The open dialog of one user's API keys; tests read it here. */
    @org.jspecify.annotations.Nullable ApiKeyGrid shownKeys;

    private final AccountService accounts;
    private final MunicipalityService municipalities;
    private final ApiKeyService keys;

    AdminUsersView(AccountService accounts, MunicipalityService municipalities, ApiKeyService keys) {
        this.keys = keys;
        this.accounts = accounts;
        this.municipalities = municipalities;
        email.setLabel(getTranslation("admin.users.email"));
        name.setLabel(getTranslation("admin.users.name"));
        password.setLabel(getTranslation("admin.users.password"));
        password.setHelperText(getTranslation("register.password.help"));
        role.setLabel(getTranslation("admin.users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.MUNICIPALITY);
        municipality.setLabel(getTranslation("admin.users.municipality"));
        municipality.setItems(municipalities.byName());
        municipality.setItemLabelGenerator(m -> m.name() + " (" + m.number() + ")");
        region.setLabel(getTranslation("admin.users.region"));
        region.setItems(Region.values());
        region.setItemLabelGenerator(r -> getTranslation("region." + r.name()));
        role.addValueChangeListener(e -> updateScopeFields());
        updateScopeFields();
        create.setText(getTranslation("admin.users.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> create());

        grid.addColumn(Account::email).setHeader(getTranslation("admin.users.email")).setAutoWidth(true);
        grid.addColumn(Account::name).setHeader(getTranslation("admin.users.name")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("role." + a.role().name())).setHeader(getTranslation("admin.users.role"));
        grid.addColumn(this::scope).setHeader(getTranslation("admin.users.scope")).setAutoWidth(true);
        grid.addComponentColumn(this::keysButton).setHeader(getTranslation("admin.users.actions"));
        grid.setAriaLabel(getTranslation("admin.users.list"));
        refresh();

        var form = new FormLayout(email, name, password, role, municipality, region);
        add(new H1(getTranslation("admin.users.heading")),
                new Section(new H2(getTranslation("admin.users.new")), form, create),
                new Section(new H2(getTranslation("admin.users.list")), grid));
    }

    /** Applicants have no keys; everyone else's can be listed and revoked (a compromised integration). */
    private com.vaadin.flow.component.Component keysButton(Account account) {
        if (account.role() == Role.APPLICANT) {
            return new com.vaadin.flow.component.html.Span();
        }
        var button = new Button(getTranslation("admin.users.keys"), e -> showKeys(account));
        button.addThemeVariants(ButtonVariant.TERTIARY);
        // The visible text first, so the accessible name contains it (WCAG 2.5.3).
        button.setAriaLabel(getTranslation("admin.users.keys.label", account.email()));
        return button;
    }

    void showKeys(Account account) {
        var list = new ApiKeyGrid(() -> keys.ofAccount(account.id()),
                key -> keys.revokeOfAccount(account.id(), key.id()),
                getTranslation("admin.users.keys.heading", account.email()));
        list.setWidth("min(60rem, 90vw)");
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.users.keys.heading", account.email()));
        dialog.add(list.getListDataView().getItemCount() == 0
                ? new com.vaadin.flow.component.html.Paragraph(getTranslation("admin.users.keys.none")) : list);
        var close = new Button(getTranslation("admin.users.keys.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> shownKeys = e.isOpened() ? list : null);
        shownKeys = list;
        dialog.open();
    }

    private String scope(Account account) {
        if (account.municipalityNumber() != null) {
            return municipalities.find(account.municipalityNumber()).map(Municipality::name)
                    .orElse(account.municipalityNumber());
        }
        return account.region() == null ? "" : getTranslation("region." + account.region().name());
    }

    private void updateScopeFields() {
        municipality.setVisible(role.getValue() == Role.MUNICIPALITY);
        region.setVisible(role.getValue() == Role.ALIS_OFFICE);
    }

    private void create() {
        try {
            accounts.createUser(new NewUser(email.getValue(), password.getValue(), name.getValue(), role.getValue(),
                    municipality.getValue() == null ? null : municipality.getValue().number(), region.getValue()));
            Notification.show(getTranslation("admin.users.created", email.getValue()), 4000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.SUCCESS);
            email.clear();
            name.clear();
            password.clear();
            refresh();
        } catch (InvalidInputException e) {
            FormErrors.show(e, Map.of("password", password, "email", email, "name", name, "municipalityNumber",
                    municipality, "region", region), this::getTranslation);
        } catch (ConflictException e) {
            email.setErrorMessage(getTranslation(e.messageKey()));
            email.setInvalid(true);
        }
    }

    private void refresh() {
        grid.setItems(accounts.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.heading") + " | " + getTranslation("app.name");
    }
}

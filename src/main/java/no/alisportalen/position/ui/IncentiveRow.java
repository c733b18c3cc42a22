package no.alisportalen.position.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;

/** One repeatable incentive row of the position form: type, NOK per year, description, remove. */
final class IncentiveRow extends HorizontalLayout {

    final Select<IncentiveType> type = new Select<>();
    final IntegerField amount = new IntegerField();
    final TextField description = new TextField();
    final Button remove = new Button(VaadinIcon.TRASH.create());
    final com.vaadin.flow.component.checkbox.Checkbox scheme = new com.vaadin.flow.component.checkbox.Checkbox();

    IncentiveRow(Incentive incentive, Runnable onChange, java.util.function.Consumer<IncentiveRow> onRemove) {
        addClassName("incentive-row");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        type.setLabel(getTranslation("form.incentive.type"));
        type.setItems(IncentiveType.values());
        type.setItemLabelGenerator(t -> getTranslation("incentive." + t.name()));
        type.setValue(incentive.type());
        amount.setLabel(getTranslation("form.incentive.amount"));
        amount.setMin(0);
        amount.setMax(1_000_000);
        amount.setStep(1000);
        amount.setValue(incentive.annualAmountNok());
        description.setLabel(getTranslation("form.incentive.description"));
        description.setMaxLength(500);
        description.setValue(incentive.description() == null ? "" : incentive.description());
        scheme.setLabel(getTranslation("form.incentive.scheme"));
        scheme.setValue(incentive.scheme());
        scheme.addValueChangeListener(e -> onChange.run());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setAriaLabel(getTranslation("form.incentive.remove"));
        remove.setTooltipText(getTranslation("form.incentive.remove"));
        remove.addClickListener(e -> onRemove.accept(this));
        type.addValueChangeListener(e -> onChange.run());
        amount.addValueChangeListener(e -> onChange.run());
        description.addValueChangeListener(e -> onChange.run());
        add(type, amount, description, scheme, remove);
    }

    Incentive read() {
        return new Incentive(type.getValue(), amount.getValue(),
                description.getValue().isBlank() ? null : description.getValue().strip(), scheme.getValue());
    }

    /** Scheme extra elements are for especially recruitment-weak municipalities only. */
    void allowScheme(boolean weak, int ceiling) {
        scheme.setEnabled(weak || scheme.getValue());
        scheme.setTooltipText(getTranslation(weak ? "form.incentive.scheme.help" : "form.incentive.scheme.notWeak",
                ceiling));
    }
}

package no.alisportalen.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Self-registration of an applicant ({@code POST /api/v1/applicants}). */
public record NewApplicant(
        @NotBlank(message = "{validation.email.required}") @Email(message = "{validation.email.invalid}")
                @Size(max = 254, message = "{validation.email.invalid}") @Nullable String email,
        @NotBlank(message = "{validation.password.required}") @Nullable String password,
        @NotBlank(message = "{validation.name.required}") @Size(max = 120, message = "{validation.name.size}")
                @Nullable String name,
        @NotNull(message = "{validation.stage.required}") @Nullable ApplicantStage stage) {}

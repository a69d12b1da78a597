package io.leadlistener.rest.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An id or name the caller chose (tenant, contact, message, user): not blank, at most {@link #max()} characters, no
 * control characters. Absent is fine (pair with {@code @NotNull} when required).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Identifier.Check.class)
public @interface Identifier {

    int max();

    String message() default "is not a valid identifier";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check. */
    class Check implements ConstraintValidator<Identifier, String> {

        private int max;

        @Override
        public void initialize(Identifier annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.isBlank()) {
                return Messages.refuse(context, "must not be blank");
            }
            if (value.length() > max) {
                return Messages.refuse(context, "is " + value.length() + " characters; at most " + max);
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                return Messages.refuse(context, "must not contain control characters");
            }
            return true;
        }
    }
}

package io.leadlistener.rest.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A customer's chat text: not blank, at most {@link #maxCodePoints()} characters counted as Unicode code points. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChatText.Check.class)
public @interface ChatText {

    int maxCodePoints();

    String message() default "is not a valid chat text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check. */
    class Check implements ConstraintValidator<ChatText, String> {

        private int max;

        @Override
        public void initialize(ChatText annotation) {
            max = annotation.maxCodePoints();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.isBlank()) {
                return Messages.refuse(context, "must not be blank");
            }
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                return Messages.refuse(context, "is " + length + " characters (Unicode code points); at most " + max);
            }
            return true;
        }
    }
}

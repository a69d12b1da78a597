package io.leadlistener.rest.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * The whole value matches {@link #regexp()}; a value that does not is quoted back with {@link #detail()}, e.g.
 * {@code 'Web Chat' is not a channel name (…)}. Absent is fine.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Matching.Check.class)
public @interface Matching {

    String regexp();

    /** What the value should have been, after the quoted value. */
    String detail();

    String message() default "does not match";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check. */
    class Check implements ConstraintValidator<Matching, String> {

        private Pattern pattern;
        private String detail;

        @Override
        public void initialize(Matching annotation) {
            pattern = Pattern.compile(annotation.regexp());
            detail = annotation.detail();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || pattern.matcher(value).matches()
                    || Messages.refuse(context, "'" + value + "' " + detail);
        }
    }
}

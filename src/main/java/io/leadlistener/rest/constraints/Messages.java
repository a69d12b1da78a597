package io.leadlistener.rest.constraints;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a violation whose message is computed (it names the value or its length), escaped for the interpolator. */
final class Messages {

    private Messages() {
    }

    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("\\", "\\\\").replace("{", "\\{")
                .replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
        return false;
    }
}

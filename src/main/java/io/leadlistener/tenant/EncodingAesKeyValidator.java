package io.leadlistener.tenant;

import io.leadlistener.wecom.crypto.EncodingAesKey;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Delegates to the crypto layer's own parser so start-up validation and runtime decoding can never disagree. */
public class EncodingAesKeyValidator implements ConstraintValidator<ValidEncodingAesKey, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return replace(context, "is required");
        }
        try {
            EncodingAesKey.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            // The parser's messages describe the problem without ever quoting the key.
            return replace(context, e.getMessage());
        }
    }

    private static boolean replace(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
